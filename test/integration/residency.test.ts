import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answers, assessments } from "#db/schema";
import { getDb } from "~/db.server";
import type { AssessmentResidency, FlowRow } from "~/assessments/residency.server";
import { loader as assessmentLoader } from "~/routes/assessment";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { routeArgs, signedInAs, type TestBrowser } from "../support/auth";

let viewer: TestBrowser;
beforeAll(async () => {
  viewer = await signedInAs("viewer");
});

const get = (path: string, params: Record<string, string> = {}) => routeArgs(viewer.get(path), params);

async function residencyOf(vendorName: string): Promise<AssessmentResidency> {
  const { vendors } = await dashboardLoader(get("/"));
  const id = vendors.find((v) => v.name === vendorName)!.latestAssessment!.id;
  const data = await assessmentLoader(get(`/assessments/${id}`, { assessmentId: id }));
  return data.residency;
}

async function judged(vendorName: string) {
  const residency = await residencyOf(vendorName);
  if (residency.state !== "judged") throw new Error(`${vendorName}: expected judged flows, got ${residency.state}`);
  return residency;
}

const flowsOf = (residency: { groups: { flows: FlowRow[] }[] }) => residency.groups.flatMap((g) => g.flows);

describe("the flows of an assessment", () => {
  it("are judged for every subject region of Northwind's scope, grouped by subject, under a dated rules version", async () => {
    const residency = await judged("Northwind CRM GmbH");
    expect(residency.rulesVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(residency.groups.map((g) => g.label)).toEqual([
      "Germany (DE)",
      "France (FR)",
      "United Kingdom (GB)",
      "Québec, Canada (CA-QC)",
    ]);
    for (const group of residency.groups) {
      expect(group.flows.length).toBeGreaterThan(0);
      expect(group.flows.every((f) => f.subject === group.subject)).toBe(true);
      expect(group.flows.every((f) => f.citations.length > 0 && f.basis.length > 0)).toBe(true);
    }
  });

  it("include Northwind's support access from India, permitted with safeguard for German subjects on the EU SCCs", async () => {
    const flows = flowsOf(await judged("Northwind CRM GmbH"));
    const india = flows.find((f) => f.subject === "DE" && f.region === "IN");
    expect(india).toMatchObject({
      use: "access",
      party: "support-in",
      partyName: "Northwind Technologies India Pvt. Ltd.",
      regionLabel: "India (IN)",
      verdict: "permitted-with-safeguard",
    });
    expect(india!.citations).toContain("GDPR Art. 46(2)(c)");
  });

  it("include the US helpdesk chain link by link: the helpdesk, then its host reached through it", async () => {
    const flows = flowsOf(await judged("Northwind CRM GmbH")).filter((f) => f.subject === "FR");
    const helpdesk = flows.find((f) => f.party === "helpdesk");
    const host = flows.find((f) => f.party === "helpdesk-hosting");
    expect(helpdesk).toMatchObject({ region: "US", use: "storage", partyName: "Tessellate Helpdesk Inc.", via: ["Northwind CRM GmbH"] });
    expect(host).toMatchObject({
      region: "US-VA",
      regionLabel: "Virginia, United States (US-VA)",
      partyName: "Amazon Web Services, Inc.",
      via: ["Northwind CRM GmbH", "Tessellate Helpdesk Inc."],
    });
    expect(host!.basis).toContain("onward transfer: Northwind CRM GmbH → Tessellate Helpdesk Inc. → Amazon Web Services, Inc.");
  });

  it("mark the flows that rest on an unconfirmed fact with that fact's verify flag", async () => {
    const residency = await judged("Northwind CRM GmbH");
    const onDpf = flowsOf(residency).find((f) => f.subject === "DE" && f.party === "helpdesk")!;
    expect(onDpf.verify.some((v) => v.includes("C-703/25 P"))).toBe(true);
    const inGermany = flowsOf(residency).find((f) => f.subject === "DE" && f.party === "aws" && f.region === "DE")!;
    expect(inGermany.verify).toEqual([]);
    for (const note of flowsOf(residency).flatMap((f) => f.verify)) {
      expect(residency.flags.map((f) => f.text)).toContain(note);
    }
  });

  it("judge Bluebird's email subprocessor without safeguards non-compliant, with the safeguard still to put in place", async () => {
    const flows = flowsOf(await judged("Bluebird Customer Cloud, Inc."));
    const relaymail = flows.filter((f) => f.party === "relaymail" && (f.subject === "DE" || f.subject === "FR"));
    expect(relaymail).toHaveLength(2);
    for (const flow of relaymail) {
      expect(flow.verdict).toBe("non-compliant");
      expect(flow.obligations).toContain("eu-scc or bcr");
    }
  });

  it("say plainly that nothing can be judged while the vendor has not answered", async () => {
    expect(await residencyOf("Kairos Relations K.K.")).toEqual({ state: "no-answers" });
  });

  it("say plainly that nothing can be judged while the answers name no location, with what is missing", async () => {
    const db = getDb();
    const { vendors } = await dashboardLoader(get("/"));
    const id = vendors.find((v) => v.name === "Maple Ledger CRM Inc.")!.latestAssessment!.id;
    const locationQuestions = ["s1.storage_countries", "s1.facilities", "s3.backup_sites", "s2.access_locations", "s2.processing_locations", "s7.key_locations"];
    db.delete(answers).where(and(eq(answers.assessmentId, id), inArray(answers.questionId, locationQuestions))).run();
    const residency = await residencyOf("Maple Ledger CRM Inc.");
    expect(residency.state).toBe("no-locations");
    expect(residency.state === "no-locations" && residency.notes).toContain("no backup location answered (s3.backup_sites)");
  });

  it("say plainly that nothing can be judged while the scope names no data subjects", async () => {
    const db = getDb();
    const { vendors } = await dashboardLoader(get("/"));
    const id = vendors.find((v) => v.name === "Maple Ledger CRM Inc.")!.latestAssessment!.id;
    db.update(assessments).set({ scopeSubjects: [] }).where(eq(assessments.id, id)).run();
    expect(await residencyOf("Maple Ledger CRM Inc.")).toEqual({ state: "no-subjects" });
  });
});

describe("the organisation's policy findings on an assessment", () => {
  it("come from Acme Retail's own rules, apart from the law's verdicts", async () => {
    const { policy } = await judged("Bluebird Customer Cloud, Inc.");
    expect(policy.organisationName).toBe("Acme Retail");
    expect(policy.rulesInForce).toBe(2);
    const storage = policy.findings.filter((f) => f.ruleText === "EU customers' data is stored and backed up in the EEA");
    expect(storage.map((f) => `${f.subject} ${f.region} ${f.use}`)).toEqual([
      "DE US-VA storage",
      "DE US-OR storage",
      "DE CA-QC backup",
      "FR US-VA storage",
      "FR US-OR storage",
      "FR CA-QC backup",
    ]);
    const access = policy.findings.filter((f) => f.ruleText === "No support access from outside the EEA and the UK");
    expect(access.some((f) => f.region === "PH" && f.partyName === "Bluebird Support Services Philippines, Inc.")).toBe(true);
    expect(access.every((f) => f.severity === "medium")).toBe(true);
  });

  it("find Northwind's support from India against the access rule, for every subject region", async () => {
    const { policy } = await judged("Northwind CRM GmbH");
    const india = policy.findings.filter((f) => f.region === "IN");
    expect(india.map((f) => f.subject)).toEqual(["DE", "FR", "GB", "CA-QC"]);
    expect(india[0]!.text).toBe(
      "Remote access from India (IN) by Northwind Technologies India Pvt. Ltd. (support-in) is outside the EEA or the United Kingdom (GB), where this rule keeps the data of people in Germany (DE).",
    );
  });
});
