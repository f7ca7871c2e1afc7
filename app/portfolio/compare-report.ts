import type { ReportModel, ReportTable, RiskSection } from "~/report";
import { formatDate } from "~/ui/format";
import type { ComparisonModel, ComparisonRow } from "./compare";

// The comparison as a ReportModel, so the PDF is drawn by the report's own
// renderer (fonts, tables, contents, page furniture) and not a second stack.

function vendorColumns(model: ComparisonModel, first: string): ReportTable["columns"] {
  const share = (1 - 0.28) / model.vendors.length;
  return [{ header: first, align: "left", width: 0.28 }, ...model.vendors.map((v) => ({ header: v.name, align: "left" as const, width: share }))];
}

function rowsTable(model: ComparisonModel, caption: string, first: string, rows: ComparisonRow[]): ReportTable {
  return { caption, columns: vendorColumns(model, first), rows: rows.map((r) => [r.label, ...r.cells]) };
}

function section(id: string, title: string, headline: string, paragraphs: string[], tables: ReportTable[]): RiskSection {
  return { kind: "risk", id, title, headline, paragraphs, tables };
}

export function comparisonReport(model: ComparisonModel, input: { buyer: string; issuedAt: string }): ReportModel {
  const names = model.vendors.map((v) => v.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : (names[0] ?? "");
  const sections: RiskSection[] = [
    section("summary", "Summary", `${list} side by side`, [
      "Each vendor is shown by its latest assessment: the finalised one with the score frozen when it was finalised, or, before that, the latest one scored as its answers stand.",
    ], [rowsTable(model, "Key figures", "", model.summary)]),
    section("sections", "Section scores", "Control score of each questionnaire section (100 is best)", [], [
      rowsTable(model, "Section scores", "Section", model.sections),
    ]),
    section("regions", "Flows and verdicts by where the data subjects are", "How many flows of each vendor's data reach each verdict", [], [
      rowsTable(
        model,
        "Flows by subject region",
        "Data subjects in",
        model.regions.map((r) => ({ label: r.label, cells: r.cells.map((c) => c.text) })),
      ),
    ]),
    section("knockouts", "Knockout answers", "Answers that are findings whatever the score", [], [
      {
        caption: "Knockouts",
        columns: [
          { header: "Vendor", align: "left", width: 0.28 },
          { header: "Knockout answers", align: "left", width: 0.72 },
        ],
        rows: model.vendors.map((v, i) => [v.name, model.knockouts[i]?.length ? model.knockouts[i]!.join("; ") : "None"]),
      },
    ]),
    section("decisions", "Decisions", "The decision for each vendor, why, and its conditions", [], [
      {
        caption: "Decisions",
        columns: [
          { header: "Vendor", align: "left", width: 0.2 },
          { header: "Decision", align: "left", width: 0.2 },
          { header: "Why", align: "left", width: 0.3 },
          { header: "Conditions", align: "left", width: 0.3 },
        ],
        rows: model.vendors.map((v, i) => {
          const d = model.decisions[i]!;
          return [v.name, d.label, d.reasons.join(" ") || "—", d.conditions.length ? d.conditions.map((c, n) => `${n + 1}. ${c}`).join(" ") : "None"];
        }),
      },
    ]),
  ];
  const date = input.issuedAt.slice(0, 10);
  return {
    kind: "comparison",
    documentTitle: `Vendor comparison: ${names.join(", ")}`,
    fileName: `custodian-comparison-${date}.pdf`,
    issuedAt: input.issuedAt,
    draft: null,
    footer: `Custodian: vendor comparison for ${input.buyer}, ${formatDate(input.issuedAt)}`,
    cover: {
      title: "Vendor comparison",
      subtitle: list,
      facts: [
        { label: "Buyer", value: input.buyer },
        { label: "Date", value: formatDate(input.issuedAt) },
        ...model.vendors.map((v) => ({ label: v.name, value: `${v.service}. ${v.assessmentLabel}` })),
      ],
      decision: null,
      tier: null,
    },
    sections,
  };
}
