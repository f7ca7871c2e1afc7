import { describe, expect, it } from "vitest";
import type { Answers } from "~/questionnaire/answers";
import type { AssessResult } from "~/residency";
import { assess, demo, europeanScope, flow, hostedCrm, noFlows, score, scoreFixture, fixtureAnswers } from "./support";

const careful = demo.northwind.answers;
const set = (values: Record<string, unknown>): Answers =>
  Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value: value as Answers[string]["value"] }]));

/** For every knockout of hosted-crm, answers that raise it. A new knockout must be added here. */
const knockoutAnswers: Record<string, Answers> = {
  "s3.backup_encryption#clear-backups": set({ "s3.backup_encryption": "none" }),
  "s4.cross_tenant_remediated#unremediated": set({
    "s4.cross_tenant_incidents": true,
    "s4.cross_tenant_details": "A caching bug served one tenant's report to another.",
    "s4.cross_tenant_remediated": "open",
  }),
  "s6.old_media#unknown-media": set({ "s6.old_media": "unknown" }),
  "s6.media_leaving#media-leaves": set({ "s6.media_leaving": "yes", "s6.destruction_sites": [{ region: "DE" }] }),
  "s10.breach_history#open-breach": set({
    "s10.breach_history": [{ date: "2025-02-01", kind: "insider", remediation: "open" }],
  }),
  "s14.own_use#controller-use": set({ "s14.own_use": ["marketing"], "s14.own_use_details": "Our newsletter." }),
  "s14.sale#sale": set({ "s14.sale": "opt_out" }),
  "s15.training#training": set({ "s15.training": "opt_out" }),
};

describe("the recommended decision", () => {
  it("approves, without conditions, a careful vendor whose flows are all lawful", () => {
    const result = score(careful);
    expect(result.findings.filter((f) => f.source !== "flow")).toEqual([]);
    expect(result.decision).toEqual({ outcome: "approve", reasons: [], conditions: [] });
    expect(result.tier?.tier).toBe("low");
  });

  it("has answers for every knockout in the questionnaire", () => {
    const knockouts = hostedCrm.sections.flatMap((s) => s.questions.flatMap((q) => q.flags.filter((f) => f.knockout).map((f) => f.id)));
    expect(Object.keys(knockoutAnswers).sort()).toEqual([...knockouts].sort());
  });

  describe.each(Object.entries(knockoutAnswers))("with the knockout %s", (flagId, patch) => {
    const result = score({ ...careful, ...patch });
    const finding = result.findings.find((f) => f.id === `flag:${flagId}`);

    it("reports it as a knockout finding with the question and its controls", () => {
      expect(finding).toMatchObject({ source: "knockout", severity: "critical" });
      const questionId = flagId.split("#")[0]!;
      expect(finding?.references.questions).toEqual([questionId]);
      expect(finding?.references.controls.length).toBeGreaterThan(0);
    });

    it("forces at least approve with conditions and a high tier", () => {
      expect(result.decision?.outcome).not.toBe("approve");
      expect(result.tier?.tier).toBe("high");
    });

    const rejects = flagId === "s14.own_use#controller-use" || flagId === "s14.sale#sale";
    it(rejects ? "rejects, because the vendor would use our data for its own ends" : "approves only on a condition that puts it right", () => {
      if (rejects) {
        expect(result.decision?.outcome).toBe("reject");
        expect(result.decision?.reasons[0]?.findingIds).toEqual([`flag:${flagId}`]);
      } else {
        expect(result.decision?.outcome).toBe("approve-with-conditions");
        expect(result.decision?.conditions.find((c) => c.findingIds.includes(`flag:${flagId}`))?.text).toMatch(/^Before go-live, /);
      }
    });
  });

  it("rejects a prohibited flow, which no safeguard cures", () => {
    const residency: AssessResult = {
      rulesVersion: "test-rules",
      flows: [flow({ verdict: "permitted" }), flow({ verdict: "prohibited", subject: "DE", party: "vendor", region: "XX", obligations: ["store the data in the country"] })],
      flags: [],
    };
    const result = score(careful, europeanScope, { residency });
    const finding = result.findings.find((f) => f.id === "flow:prohibited:vendor:XX:storage");
    expect(finding).toMatchObject({ severity: "critical", source: "flow", references: { flows: ["DE:vendor:XX:storage"] } });
    expect(result.decision?.outcome).toBe("reject");
    expect(result.decision?.reasons[0]?.findingIds).toEqual([finding!.id]);
    expect(result.tier?.tier).toBe("high");
  });

  it("turns missing transfer safeguards into conditions per party: sign the clauses and document the TIA before go-live", () => {
    const parties = (careful["s0.parties"]!.value as Record<string, unknown>[]).map((row) =>
      row.key === "SendGrid" ? { ...row, safeguards: [] } : row,
    );
    const result = score({ ...careful, "s0.parties": { value: parties as never } });
    const finding = result.findings.find((f) => f.id === "flow:non-compliant:sendgrid:US:processing")!;
    expect(finding).toMatchObject({ severity: "high", source: "flow" });
    expect(finding.references.flows).toEqual(["DE:sendgrid:US:processing", "FR:sendgrid:US:processing"]);
    expect(finding.references.citations).toContain("GDPR Art. 44");
    expect(result.decision?.outcome).toBe("approve-with-conditions");
    const texts = result.decision!.conditions.map((c) => c.text);
    expect(texts).toContainEqual(expect.stringMatching(/^With sendgrid, put in place EU standard contractual clauses \(eu-scc\) or binding corporate rules \(bcr\) before go-live, for the data of people in Germany \(DE\) and France \(FR\)/));
    expect(texts).toContainEqual(expect.stringMatching(/^With sendgrid, document a transfer impact assessment \(tia\) before go-live/));
    expect(result.decision!.conditions.every((c) => c.findingIds.includes(finding.id) || !c.id.startsWith("obligation:"))).toBe(true);
  });

  it("names each party by its legal name in flow findings and conditions when the names are given", () => {
    const parties = (careful["s0.parties"]!.value as Record<string, unknown>[]).map((row) =>
      row.key === "SendGrid" ? { ...row, safeguards: [] } : row,
    );
    const result = score({ ...careful, "s0.parties": { value: parties as never } }, europeanScope, {
      partyNames: { sendgrid: "Twilio Inc." },
    });
    expect(result.findings.find((f) => f.id === "flow:non-compliant:sendgrid:US:processing")?.title).toContain("by Twilio Inc. in United States (US)");
    const texts = result.decision!.conditions.map((c) => c.text);
    expect(texts).toContainEqual(expect.stringMatching(/^With Twilio Inc\., put in place EU standard contractual clauses/));
    expect(texts.some((t) => t.includes("sendgrid"))).toBe(false);
  });

  it("lists the residency engine's flags as findings without making them conditions", () => {
    const residency: AssessResult = { ...noFlows, flows: [flow({ verdict: "permitted" })], flags: [{ severity: "high", text: "Atlantis (AX) is not in the catalogue.", citations: ["None"] }] };
    const result = score(careful, europeanScope, { residency });
    const finding = result.findings.find((f) => f.title === "Atlantis (AX) is not in the catalogue.");
    expect(finding).toMatchObject({ source: "flow", severity: "high", references: { citations: ["None"] } });
    expect(finding?.id).toMatch(/^residency:[0-9a-f]{12}$/);
    expect(result.decision?.outcome).toBe("approve");
  });

  it("makes the buyer's policy findings conditions, labelled as policy", () => {
    const result = score(careful, europeanScope, {
      policyFindings: [{ ruleId: "eea-only", ruleText: "EU data stays in the EEA", severity: "low", subject: "DE", party: "helpdesk", region: "US", use: "storage", text: "Helpdesk stores EU tickets in the US." }],
    });
    const finding = result.findings.find((f) => f.source === "policy")!;
    expect(finding).toMatchObject({
      id: "policy:eea-only:DE:helpdesk:US:storage",
      severity: "low",
      title: "Against the buyer's policy: EU data stays in the EEA",
      references: { policyRules: ["eea-only"], flows: ["DE:helpdesk:US:storage"] },
    });
    expect(result.decision?.outcome).toBe("approve-with-conditions");
    expect(result.decision?.conditions.map((c) => c.findingIds)).toEqual([[finding.id]]);
  });

  it("makes a high-severity answer a condition whose remedy is the safest answer: a contractual commitment to region pinning", () => {
    const result = score({ ...careful, "s1.pinning": { value: "none" } });
    const finding = result.findings.find((f) => f.id === "flag:s1.pinning#no-pinning")!;
    expect(finding).toMatchObject({ source: "answer", severity: "high" });
    expect(finding.detail).toBe("s1.pinning “Can our tenant be kept in a chosen region, and is that promise in the contract?”: No, the region cannot be chosen (none).");
    expect(finding.remediation).toMatch(/so that the answer to s1\.pinning .* becomes “Yes, and the contract commits to it”\.$/);
    expect(result.decision?.conditions.map((c) => c.id)).toContain("condition:flag:s1.pinning#no-pinning");
  });

  it("reads the remedy of a number flag from its bound, and of a table flag from its column, naming the rows", () => {
    const fixture = scoreFixture(fixtureAnswers({ "b.notice_hours": { value: 96 }, "b.parties": { value: [{ key: "Host", access: "hosts", own_use: false }, { key: "Ads", access: "none", own_use: true }] } }));
    const slow = fixture.findings.find((f) => f.id === "flag:b.notice_hours#slow")!;
    expect(slow.remediation).toMatch(/becomes at most 72 hours\.$/);
    expect(slow.detail).toMatch(/: 96 hours\.$/);
    const ownUse = fixture.findings.find((f) => f.id === "flag:b.parties#own-use")!;
    expect(ownUse.detail).toMatch(/: row 2 \(Ads\)\.$/);
    expect(ownUse.remediation).toMatch(/becomes “Uses it for itself”: No in every row\.$/);
  });

  it("reports a medium-severity answer without making it a condition", () => {
    const result = score({ ...careful, "s2.access_model": { value: "standing" } });
    expect(result.findings.map((f) => f.id)).toContain("flag:s2.access_model#standing");
    expect(result.decision?.conditions.flatMap((c) => c.findingIds)).not.toContain("flag:s2.access_model#standing");
  });

  it("asks for the unanswered required questions before the decision is signed", () => {
    const answers = { ...careful };
    delete answers["s5.oversight"];
    delete answers["s13.dsr_sla_days"];
    const result = score(answers);
    expect(result.findings.find((f) => f.id === "answer:unanswered-required")?.references.questions).toEqual(["s5.oversight", "s13.dsr_sla_days"]);
    expect(result.decision?.outcome).toBe("approve-with-conditions");
    expect(result.decision?.conditions.find((c) => c.id === "condition:unanswered-required")?.text).toMatch(/\(s5\.oversight, s13\.dsr_sla_days\)/);
  });
});

describe("dated answers, judged on the assessment date", () => {
  it("are current on the day of the demo assessment", () => {
    expect(score(careful).findings.filter((f) => f.id.startsWith("dated:"))).toEqual([]);
  });

  it("a year and a half later, flag the stale restore test and the expired certificates, and make the expiry a condition", () => {
    const result = score(careful, europeanScope, { asOf: "2028-03-01" });
    const dated = result.findings.filter((f) => f.id.startsWith("dated:"));
    expect(dated.map((f) => [f.id, f.severity])).toEqual([
      ["dated:s12.certifications#expired-certificate:0", "high"],
      ["dated:s12.certifications#expired-certificate:1", "high"],
      ["dated:s3.last_restore_test#stale-restore-test", "medium"],
      ["dated:s12.certifications#stale-audit-period:2", "medium"],
      ["dated:s10.ir_last_exercise#stale-ir-exercise", "low"],
    ]);
    expect(dated[0]?.title).toBe("A certificate (ISO/IEC 27001:2022) expired on 31 May 2027");
    expect(result.decision?.conditions.map((c) => c.id)).toContain("condition:dated:s12.certifications#expired-certificate:0");
  });

  it("refuse an assessment date that is not a date", () => {
    expect(() => score(careful, europeanScope, { asOf: "yesterday" })).toThrow(/asOf must be a date/);
  });
});

describe("the risk tier", () => {
  it("follows the residual risk and says why", () => {
    const result = score(demo.northwind.answers, demo.northwind.scope);
    expect(result.tier?.fromResidualRisk).toBe(result.residual?.level);
    expect(result.tier?.reasons[0]).toMatch(new RegExp(`^Residual risk ${result.residual!.score.toFixed(1)} is ${result.residual!.level} \\(`));
  });

  it("is raised to high by a knockout even when the residual risk is low, and a high tier asks for formal risk acceptance", () => {
    const result = score({ ...careful, "s3.backup_encryption": { value: "none" } });
    expect(result.tier).toMatchObject({ tier: "high", fromResidualRisk: "low" });
    expect(result.tier?.reasons).toContain("Raised to high by 1 knockout answer.");
    expect(result.decision?.conditions.map((c) => c.id)).toContain("condition:accept-high-risk");
  });
});

it("flows for the assessment come from the same engine the app uses", () => {
  expect(assess(careful, europeanScope).flows.length).toBeGreaterThan(0);
});
