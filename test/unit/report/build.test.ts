import { describe, expect, it } from "vitest";
import type { DataMap } from "~/datamap/schema";
import { buildDataMapReport, buildReport, catalogueInfoFor, type ReportSection } from "~/report";
import { assessDataMap } from "~/residency";
import { demoReportInput, northwindWithNamesInOtherScripts } from "./support";

type Of<K extends ReportSection["kind"]> = Extract<ReportSection, { kind: K }>;
const section = <K extends ReportSection["kind"]>(sections: readonly ReportSection[], kind: K): Of<K> => {
  const found = sections.find((s) => s.kind === kind);
  if (!found) throw new Error(`no ${kind} section`);
  return found as Of<K>;
};

const northwind = buildReport(demoReportInput());

describe("buildReport", () => {
  it("has every section of the issue, in reading order", () => {
    expect(northwind.sections.map((s) => s.title)).toEqual([
      "Executive summary",
      "Risk score",
      "Section scores",
      "Where the data goes",
      "Flows, legal bases and citations",
      "Findings by severity",
      "Obligations",
      "Transfer impact notes",
      "Answers and evidence",
      "Sources",
      "Sign-off",
    ]);
  });

  it("puts the buyer, vendor, date, decision and tier on the cover", () => {
    const facts = Object.fromEntries(northwind.cover.facts.map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({
      Buyer: "Acme Retail",
      Vendor: "Northwind CRM GmbH",
      "Vendor established in": "Germany (DE)",
      "Report date": "10 Nov 2026",
      Status: "Finalised: score version 1, 10 Nov 2026, by Lea Moreau",
    });
    expect(northwind.cover.decision).toEqual({ outcome: "approve-with-conditions", label: "Approve with conditions" });
    expect(northwind.cover.tier?.label).toMatch(/^(Low|Medium|High)$/);
    expect(northwind.draft).toBeNull();
  });

  it("names countries with their code and verdicts with the four words in the flows table", () => {
    const flows = section(northwind.sections, "flows");
    const rows = flows.groups.flatMap((g) => g.rows);
    expect(flows.groups.map((g) => g.heading)).toEqual([
      "Data subjects in Germany (DE)",
      "Data subjects in France (FR)",
      "Data subjects in United Kingdom (GB)",
      "Data subjects in Québec, Canada (CA-QC)",
    ]);
    expect(new Set(rows.map((r) => r.verdictLabel))).toEqual(new Set(["permitted", "permitted with safeguard", "non-compliant"]));
    const india = rows.find((r) => r.destination === "India (IN)" && r.party === "Northwind Technologies India Pvt. Ltd.");
    expect(india).toMatchObject({ use: "Remote access", verdictLabel: "permitted with safeguard" });
    expect(india?.citations).toContain("GDPR Art. 46(2)(c)");
    const onward = rows.find((r) => r.party === "Amazon Web Services, Inc.");
    expect(onward?.via).toBe("via Tessellate Helpdesk Inc.");
  });

  it("prints risk tables whose lines add up to the figure they explain", () => {
    const risk = section(northwind.sections, "risk");
    expect(risk.tables.map((t) => t.caption)).toEqual([
      "Residual risk: how it is made up",
      "Inherent risk: what the scope brings",
      "Control score: each section's share",
      "Residency score: the flows that lose points",
    ]);
    const tenths = (table: (typeof risk.tables)[number], header: string) => {
      const column = table.columns.findIndex((c) => c.header === header);
      return table.rows.reduce((sum, row) => sum + Math.round(Number(row[column]) * 10), 0);
    };
    const total = (table: (typeof risk.tables)[number]) => Math.round(Number(table.total![table.total!.length - 1]) * 10);
    const [residual, inherent, control, residency] = risk.tables as [typeof risk.tables[number], typeof risk.tables[number], typeof risk.tables[number], typeof risk.tables[number]];
    expect(tenths(residual, "Points")).toBe(total(residual));
    expect(tenths(inherent, "Points")).toBe(Math.round(Number(inherent.total![2]) * 10));
    expect(tenths(control, "Points")).toBe(total(control));
    expect(1000 - tenths(residency, "Lost")).toBe(total(residency));
  });

  it("charts every section's score out of 100", () => {
    const chart = section(northwind.sections, "chart");
    const score = demoReportInput().score;
    expect(chart.bars).toHaveLength(score.sections.length);
    for (const [i, bar] of chart.bars.entries()) {
      const s = score.sections[i]!;
      expect(bar).toEqual({ label: s.title, fraction: s.score === null ? null : s.score / 100, value: s.score === null ? "not scored" : s.score.toFixed(1) });
    }
  });

  it("lays out the flow picture from subject regions to destinations by name", () => {
    const picture = section(northwind.sections, "picture");
    expect(picture.layout.subjects.map((s) => s.label)).toEqual(["Germany (DE)", "France (FR)", "United Kingdom (GB)", "Québec, Canada (CA-QC)"]);
    expect(picture.layout.destinations.map((d) => d.label)).toContain("India (IN)");
    expect(picture.legend.map((l) => l.label)).toEqual([
      "permitted (solid line)",
      "permitted with safeguard (long dashes)",
      "non-compliant (short dashes)",
      "prohibited (dots)",
    ]);
  });

  it("sorts findings by severity, each with its remediation", () => {
    const findings = section(northwind.sections, "findings");
    const order = ["critical", "high", "medium", "low", "info"];
    const severities = findings.groups.map((g) => g.severity);
    expect([...severities].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(severities);
    for (const item of findings.groups.flatMap((g) => g.items)) expect(item.remediation).not.toBe("");
  });

  it("lists transfer obligations as a checklist: Québec's privacy impact assessments to do, the India TIA to review", () => {
    const obligations = section(northwind.sections, "obligations");
    const headings = obligations.groups.map((g) => g.heading);
    expect(headings).toEqual(["Transfer impact assessments", "Privacy impact assessments", "Contracts, notices and consents"]);
    const pias = obligations.groups[1]!.items;
    expect(pias.every((i) => !i.done)).toBe(true);
    expect(pias.map((i) => i.text)).toContain("A privacy impact assessment (pia), with Amazon Web Services EMEA SARL.");
    expect(pias[1]?.detail).toBe(
      "For people in Québec, Canada (CA-QC): storage in Germany (DE), storage in Ireland (IE), backup in Ireland (IE) and remote access from Germany (DE).",
    );
    expect(obligations.groups[0]!.items).toEqual([
      {
        done: true,
        text: "A transfer impact assessment (tia) documented with Northwind Technologies India Pvt. Ltd., by the vendor's answers: review it.",
        detail:
          "For people in Germany (DE): remote access from India (IN); people in France (FR): remote access from India (IN); people in United Kingdom (GB): remote access from India (IN).",
      },
    ]);
  });

  it("writes a transfer-impact note in the EDPB's six steps for each flow that rests on a TIA", () => {
    const tia = section(northwind.sections, "tia");
    expect(tia.notes.map((n) => n.heading)).toEqual([
      "Germany (DE) to India (IN): remote access by Northwind Technologies India Pvt. Ltd.",
      "France (FR) to India (IN): remote access by Northwind Technologies India Pvt. Ltd.",
      "United Kingdom (GB) to India (IN): remote access by Northwind Technologies India Pvt. Ltd.",
    ]);
    const note = tia.notes[0]!;
    expect(note.steps.map((s) => s.title)).toEqual([
      "1. Know the transfer",
      "2. Identify the transfer tool",
      "3. Assess the law and practice of India (IN)",
      "4. Adopt supplementary measures",
      "5. Take the procedural steps",
      "6. Re-evaluate",
    ]);
    expect(note.status).toMatch(/documented/);
    expect(note.steps[2]!.lines[0]).toBe("The vendor names no law of India (IN) that can compel disclosure of the data.");
    expect(note.steps[3]!.lines).toContain("Who controls the keys that protect our data? Our key, held in your key service");
  });

  it("says a TIA is missing, and needed before go-live, when the party has none", () => {
    const northwindAnswers = demoReportInput().answers["s0.parties"]!.value as Record<string, unknown>[];
    const withoutTia = northwindAnswers.map((row) =>
      row.key === "Support-IN" ? { ...row, safeguards: ["eu-scc", "uk-addendum"] } : row,
    ) as Record<string, string>[];
    const report = buildReport(demoReportInput("Northwind", { answers: { "s0.parties": withoutTia } }));
    const tia = section(report.sections, "tia");
    expect(tia.notes.length).toBeGreaterThan(0);
    expect(tia.notes[0]!.status).toBe("No transfer impact assessment is on record: one is needed before go-live.");
    const todo = section(report.sections, "obligations").groups.find((g) => g.heading === "Transfer impact assessments")!;
    expect(todo.items.some((i) => !i.done && i.text.startsWith("A transfer impact assessment (tia)"))).toBe(true);
  });

  it("appends every answer that applies and the evidence pointed to", () => {
    const answers = section(northwind.sections, "answers");
    const questions = answers.sections.flatMap((s) => s.questions);
    expect(questions.find((q) => q.id === "s0.legal_name")?.answer).toEqual({ kind: "text", text: "Northwind CRM GmbH" });
    expect(questions.find((q) => q.id === "s0.parent_country")).toBeUndefined();
    expect(answers.evidence).toContainEqual({ question: "Where do you publish your subprocessor list?", items: ["https://northwind-crm.example/legal/subprocessors"] });
    expect(answers.intro).toContain("Greta Vogel, Head of Compliance, Northwind CRM GmbH");
  });

  it("lists uploaded evidence files with their checksum", () => {
    const input = demoReportInput();
    input.evidenceFiles = [
      {
        questionId: "s1.location_evidence",
        fileName: "dpa-annex-3.pdf",
        size: 48_213,
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        uploadedBy: "Greta Vogel",
        uploadedAt: "2026-10-20T10:00:00.000Z",
        purged: false,
      },
    ];
    const evidence = section(buildReport(input).sections, "answers").evidence;
    expect(evidence).toContainEqual({
      question: "Attach the annex of your data processing agreement, or another document, that lists these locations.",
      items: ["dpa-annex-3.pdf (47 KB, sha256 9f86d081884c7d65…, uploaded by Greta Vogel on 20 Oct 2026)"],
    });
  });

  it("cites the catalogue's date and the sources of every jurisdiction in scope", () => {
    const sources = section(northwind.sections, "sources");
    expect(sources.facts[0]).toEqual({ label: "Jurisdiction rules", value: "version 2026-11-23 (catalogue last reviewed 23 Nov 2026)" });
    expect(sources.jurisdictions.map((j) => j.heading.split(":")[0])).toEqual(expect.arrayContaining(["Germany (DE)", "Québec (CA-QC)"]));
    for (const j of sources.jurisdictions) {
      expect(j.lines.length).toBeGreaterThan(0);
      for (const line of j.lines) expect(line.url).toMatch(/^https?:\/\//);
    }
  });

  it("marks a live report as a draft on the cover, the footer and the sign-off", () => {
    const draft = buildReport(demoReportInput("Bluebird", { finalised: false }));
    expect(draft.draft).toBe("Draft: not finalised");
    expect(draft.footer).toContain("draft, not finalised");
    expect(draft.cover.facts.find((f) => f.label === "Status")?.value).toMatch(/^Draft: not finalised/);
    expect(section(draft.sections, "signoff").record).toMatch(/^Draft: not finalised/);
    expect(draft.fileName).toBe("custodian-report-bluebird-customer-cloud-inc-2026-11-10-draft.pdf");
  });

  it("gives a download name of ASCII letters, digits and hyphens, whatever the vendor is called", () => {
    const input = demoReportInput();
    input.vendor = { ...input.vendor, name: "Zürich Daten GmbH / Łódź 日本" };
    expect(buildReport(input).fileName).toBe("custodian-report-zurich-daten-gmbh-lodz-2026-11-10-v1.pdf");
    input.vendor = { ...input.vendor, name: "日本" };
    expect(buildReport(input).fileName).toBe("custodian-report-vendor-2026-11-10-v1.pdf");
  });

  it("keeps names in other scripts as they are", () => {
    const report = buildReport(demoReportInput("Northwind", { answers: northwindWithNamesInOtherScripts() }));
    const parties = section(report.sections, "flows").groups.flatMap((g) => g.rows.map((r) => r.party));
    expect(parties).toEqual(expect.arrayContaining(["Zürich Daten GmbH", "Ελληνικά Αρχεία Α.Ε.", "日本サポート株式会社"]));
  });
});

describe("buildDataMapReport", () => {
  const map: DataMap = {
    scope: { subjects: ["DE"], categories: ["contact"], sector: "general" },
    parties: [
      { id: "vendor", name: "Zürich Daten GmbH", role: "vendor", country: "DE", locations: [{ region: "DE", use: "storage" }], safeguards: [] },
      { id: "support", name: "日本サポート株式会社", role: "affiliate", country: "JP", locations: [{ region: "JP", use: "access" }], safeguards: [] },
    ],
  };

  it("is the shorter report: the picture, the flows, the obligations and the sources", () => {
    const report = buildDataMapReport({
      issuedAt: "2026-11-22T00:00:00.000Z",
      label: "map.json",
      dataMap: map,
      residency: assessDataMap(map),
      catalogue: catalogueInfoFor(map.scope.subjects),
    });
    expect(report.kind).toBe("data-map");
    expect(report.sections.map((s) => s.kind)).toEqual(["picture", "flows", "obligations", "sources"]);
    expect(report.cover.facts.find((f) => f.label === "Data subjects in")?.value).toBe("Germany (DE)");
    expect(report.fileName).toBe("custodian-residency-zurich-daten-gmbh-2026-11-22.pdf");
    const rows = section(report.sections, "flows").groups[0]!.rows;
    expect(rows.map((r) => [r.destination, r.party, r.verdictLabel])).toEqual([
      ["Germany (DE)", "Zürich Daten GmbH", "permitted"],
      ["Japan (JP)", "日本サポート株式会社", "permitted"],
    ]);
  });
});
