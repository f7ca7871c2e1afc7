import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { assessments, organisations, vendors } from "#db/schema";
import { getDb } from "~/db.server";
import { loader as assessmentLoader } from "~/routes/assessment";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { loader as notFoundLoader } from "~/routes/not-found";
import { loader as vendorLoader } from "~/routes/vendor";
import { routeArgs, signedInAs, type TestBrowser } from "../support/auth";
import { thrownResponse } from "../support/loader-args";

let viewer: TestBrowser;
beforeAll(async () => {
  viewer = await signedInAs("viewer");
});

/** A GET of `path` by the signed-in viewer, as Remix passes it to a loader. */
const get = (path: string, params: Record<string, string> = {}) => routeArgs(viewer.get(path), params);

describe("the dashboard", () => {
  it("lists Acme Retail's vendors with the status of their latest assessment", async () => {
    const data = await dashboardLoader(get("/"));
    expect(data.organisation.name).toBe("Acme Retail");
    const byName = Object.fromEntries(data.vendors.map((v) => [v.name, v.latestAssessment?.status]));
    expect(byName).toEqual({
      "Northwind CRM GmbH": "finalised",
      "Bluebird Customer Cloud, Inc.": "in-review",
      "Maple Ledger CRM Inc.": "in-progress",
      "Kairos Relations K.K.": "sent",
    });
  });

  it("puts the most recently updated vendor first", async () => {
    const { vendors: list } = await dashboardLoader(get("/"));
    const updates = list.map((v) => new Date(v.lastUpdate).getTime());
    expect([...updates].sort((a, b) => b - a)).toEqual(updates);
    expect(list[0]?.name).toBe("Maple Ledger CRM Inc.");
  });
});

describe("the vendor page", () => {
  it("shows the vendor and its assessments", async () => {
    const { vendors: list } = await dashboardLoader(get("/"));
    const northwind = list.find((v) => v.name === "Northwind CRM GmbH")!;
    const { vendor } = await vendorLoader(get(`/vendors/${northwind.id}`, { vendorId: northwind.id }));
    expect(vendor.service).toBe("Northwind Cloud CRM");
    expect(vendor.country).toBe("DE");
    expect(vendor.assessments).toHaveLength(1);
    expect(vendor.assessments[0]).toMatchObject({ status: "finalised", questionnaireId: "hosted-crm" });
  });

  it("answers 404 for an id that does not exist", async () => {
    const response = await thrownResponse(() => vendorLoader(get("/vendors/nope", { vendorId: "nope" })));
    expect(response.status).toBe(404);
  });

  it("answers 404 for a vendor of another organisation, as if it did not exist", async () => {
    const db = getDb();
    const otherOrganisation = newId();
    const foreignVendor = newId();
    db.insert(organisations).values({ id: otherOrganisation, name: "Globex" }).run();
    db.insert(vendors)
      .values({ id: foreignVendor, organisationId: otherOrganisation, name: "Hidden CRM", service: "Hidden", updatedAt: new Date() })
      .run();
    const response = await thrownResponse(() =>
      vendorLoader(get(`/vendors/${foreignVendor}`, { vendorId: foreignVendor })),
    );
    expect(response.status).toBe(404);
    const { vendors: list } = await dashboardLoader(get("/"));
    expect(list.map((v) => v.name)).not.toContain("Hidden CRM");
  });
});

describe("the assessment page", () => {
  async function assessmentOf(vendorName: string) {
    const { vendors: list } = await dashboardLoader(get("/"));
    const id = list.find((v) => v.name === vendorName)!.latestAssessment!.id;
    return assessmentLoader(get(`/assessments/${id}`, { assessmentId: id }));
  }

  it("shows the pinned questionnaire, the buyer's scope and every section's progress", async () => {
    const data = await assessmentOf("Northwind CRM GmbH");
    expect(data.assessment.questionnaireVersion).toBe("1.0.0");
    expect(data.assessment.scope).toEqual({
      subjects: ["DE", "FR", "GB", "CA-QC"],
      categories: ["contact", "commercial"],
      sector: "general",
      subjectsCount: 850_000,
    });
    expect(data.progress.sections.length).toBeGreaterThanOrEqual(12);
    expect(data.progress.total.remaining).toBe(0);
    expect(data.progress.sections.every((s) => s.status === "completed")).toBe(true);
  });

  it("counts what is still required on an assessment in progress", async () => {
    const data = await assessmentOf("Maple Ledger CRM Inc.");
    expect(data.progress.total.remaining).toBeGreaterThan(0);
    const statuses = new Set(data.progress.sections.map((s) => s.status));
    expect(statuses).toContain("not-started");
  });

  it("answers 404 for an assessment of another organisation", async () => {
    const db = getDb();
    const org = newId();
    const vendor = newId();
    const assessment = newId();
    db.insert(organisations).values({ id: org, name: "Initech" }).run();
    db.insert(vendors).values({ id: vendor, organisationId: org, name: "X", service: "X", updatedAt: new Date() }).run();
    db.insert(assessments)
      .values({
        id: assessment,
        organisationId: org,
        vendorId: vendor,
        questionnaireId: "hosted-crm",
        questionnaireVersion: "1.0.0",
        questionnaireHash: "x",
        updatedAt: new Date(),
      })
      .run();
    const response = await thrownResponse(() =>
      assessmentLoader(get(`/assessments/${assessment}`, { assessmentId: assessment })),
    );
    expect(response.status).toBe(404);
  });
});

describe("an unknown address", () => {
  it("answers 404", async () => {
    const response = await thrownResponse(() => notFoundLoader());
    expect(response.status).toBe(404);
  });
});
