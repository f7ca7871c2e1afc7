import { displayAnswer } from "~/answering/display";
import type { DataMap, Region } from "~/datamap/schema";
import { regionLabel } from "~/geo/regions";
import type { PolicyFinding } from "~/policy/types";
import { canonicalJson, isVisible, sha256Hex, text, type Answers } from "~/questionnaire";
import type { AssessResult, Flow, Verdict } from "~/residency/types";
import type { ScoreResult } from "~/scoring";
import { categoryLabels, sectorLabels } from "~/ui/format";
import { layoutFlowPicture, verdictStroke, type PictureGroup } from "./flow-layout";
import { transferImpactNotes } from "./tia";
import type {
  AnswersSection,
  AssessmentReportInput,
  CatalogueInfo,
  ChartSection,
  ChecklistItem,
  CoverModel,
  DataMapReportInput,
  FindingsSection,
  FlowsSection,
  LabelValue,
  ObligationsSection,
  PictureSection,
  ReportModel,
  RiskSection,
  SignOffSection,
  SourcesSection,
  SummarySection,
  TiaSection,
} from "./types";
import {
  dateLabel,
  decisionLabels,
  endSentence,
  flowPhrase,
  isSafeguardObligation,
  joinAnd,
  obligationWords,
  partyDirectory,
  plural,
  points,
  sentence,
  severityLabels,
  severityOrder,
  slug,
  sourceLabel,
  tierLabels,
  useLabel,
  verdictWords,
  type PartyDirectory,
} from "./words";

const verdictsMildFirst: readonly Verdict[] = ["permitted", "permitted-with-safeguard", "non-compliant", "prohibited"];

/** The answers as the questionnaire module reads them. */
function plainAnswers(answers: AssessmentReportInput["answers"]): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([id, a]) => [id, { value: a.value as Answers[string]["value"], naReason: a.naReason }]),
  );
}

/** The full report of one scored assessment: every section the legal team signs. */
export function buildReport(input: AssessmentReportInput): ReportModel {
  const { score, vendor, buyer, version } = input;
  const parties = partyDirectory(input.dataMap);
  const answers = plainAnswers(input.answers);
  const draft = version ? null : "Draft: not finalised";
  const date = version?.createdAt ?? input.issuedAt;
  const documentTitle = `Vendor risk report: ${vendor.name}`;
  const decision = score.decision;

  const cover: CoverModel = {
    title: "Vendor risk report",
    subtitle: `${vendor.name}: ${vendor.service}`,
    facts: [
      { label: "Buyer", value: buyer.name },
      { label: "Vendor", value: vendor.name },
      { label: "Service", value: vendor.service },
      ...(vendor.country ? [{ label: "Vendor established in", value: regionLabel(vendor.country) }] : []),
      { label: "Report date", value: dateLabel(date) },
      {
        label: "Status",
        value: version
          ? `${version.reason === "finalised" ? "Finalised" : "Re-scored"}: score version ${version.number}, ${dateLabel(version.createdAt)}, by ${version.createdBy}`
          : "Draft: not finalised. The figures are live and change with the answers.",
      },
      { label: "Questionnaire", value: `${text(input.questionnaire.title)}, version ${score.questionnaire.version}` },
      { label: "Rules version", value: score.rulesVersion },
    ],
    decision: { outcome: decision?.outcome ?? null, label: decision ? decisionLabels[decision.outcome] : "Not scored" },
    tier: { tier: score.tier?.tier ?? null, label: score.tier ? tierLabels[score.tier.tier] : "Not scored" },
  };

  const verdictFlows = flowsWithNames(input.residency, parties);
  return {
    kind: "assessment",
    id: `assessment:${input.assessment.id}:${version ? `version ${version.number}` : `draft of ${input.issuedAt}`}`,
    documentTitle,
    fileName: `custodian-report-${slug(vendor.name) || "vendor"}-${date.slice(0, 10)}${version ? `-v${version.number}` : "-draft"}.pdf`,
    issuedAt: date,
    draft,
    footer: `${documentTitle} · ${version ? `score version ${version.number}` : "draft, not finalised"}`,
    cover,
    sections: [
      summarySection(input),
      riskSection(score, parties),
      chartSection(score),
      pictureSection(input.dataMap, verdictFlows),
      flowsSection(input.dataMap, input.residency, input.verifyNotes, parties, input.derivationNotes, {
        buyer: buyer.name,
        findings: input.policyFindings,
      }),
      findingsSection(score, buyer.name),
      obligationsSection(input.residency, input.dataMap, parties),
      tiaSection(input, answers, parties),
      answersSection(input, answers),
      sourcesSection(input.catalogue, score),
      signOffSection(input),
    ],
  };
}

/** A shorter report of one DataMap (`assess --format pdf`): where the data goes, the flows, the obligations, the sources. */
export function buildDataMapReport(input: DataMapReportInput): ReportModel {
  const { dataMap, residency } = input;
  const parties = partyDirectory(dataMap);
  const vendor = dataMap.parties[0]!;
  const documentTitle = `Residency report: ${vendor.name}`;
  const scope = dataMap.scope;
  const cover: CoverModel = {
    title: "Residency report",
    subtitle: `${vendor.name}: where the data goes and what the law says`,
    facts: [
      { label: "DataMap", value: input.label },
      { label: "Vendor", value: vendor.name },
      { label: "Data subjects in", value: scope.subjects.map(regionLabel).join("; ") },
      { label: "Data categories", value: categoryList(scope.categories) },
      { label: "Sector", value: sectorLabels[scope.sector] },
      { label: "Parties", value: plural(dataMap.parties.length, "party", "parties") },
      { label: "Report date", value: dateLabel(input.issuedAt) },
      { label: "Rules version", value: residency.rulesVersion },
    ],
    decision: null,
    tier: null,
  };
  const sources = sourcesSection(input.catalogue, null);
  return {
    kind: "data-map",
    id: `data-map:${sha256Hex(canonicalJson(dataMap))}`,
    documentTitle,
    fileName: `custodian-residency-${slug(vendor.name) || "vendor"}-${input.issuedAt.slice(0, 10)}.pdf`,
    issuedAt: input.issuedAt,
    draft: null,
    footer: `${documentTitle} · rules ${residency.rulesVersion}`,
    cover,
    sections: [
      pictureSection(dataMap, flowsWithNames(residency, parties)),
      flowsSection(dataMap, residency, [], parties, [], null),
      obligationsSection(residency, dataMap, parties),
      sources,
    ],
  };
}

function categoryList(categories: readonly string[]): string {
  return categories.length > 0 ? categories.map((c) => categoryLabels[c] ?? c).join(", ") : "None stated";
}

function summarySection(input: AssessmentReportInput): SummarySection {
  const { score, vendor, buyer } = input;
  const decision = score.decision;
  const c = score.completeness;
  const r = score.residency;
  const countBy = (severity: string) => score.findings.filter((f) => f.severity === severity).length;
  const findingCounts = severityOrder.filter((s) => countBy(s) > 0).map((s) => `${countBy(s)} ${severityLabels[s].toLowerCase()}`);
  const figures: LabelValue[] = [
    { label: "Recommended decision", value: decision ? decisionLabels[decision.outcome] : "Not scored" },
    { label: "Tier", value: score.tier ? tierLabels[score.tier.tier] : "Not scored" },
    { label: "Residual risk", value: score.residual ? `${points(score.residual.score)} of 100 (${score.residual.level})` : "Not scored" },
    { label: "Inherent risk", value: `${points(score.inherent.score)} of 100 (${score.inherent.level})` },
    { label: "Control score", value: score.control.score === null ? "Not scored" : `${points(score.control.score)} of 100` },
    { label: "Residency score", value: r.score === null ? "Not scored" : `${points(r.score)} of 100` },
    {
      label: "Flows judged",
      value: `${r.flowCount}: ${verdictsMildFirst.map((v) => `${r.byVerdict[v]} ${verdictWords[v]}`).join(", ")}`,
    },
    { label: "Findings", value: findingCounts.length > 0 ? `${score.findings.length}: ${findingCounts.join(", ")}` : "None" },
    { label: "Required questions answered", value: `${c.requiredAnswered} of ${c.required}` },
  ];
  const paragraphs = [
    `${buyer.name} assessed ${vendor.name} (${vendor.service}) with the ${text(input.questionnaire.title)} questionnaire, version ${score.questionnaire.version}. The answers were scored as of ${dateLabel(score.asOf)} under the jurisdiction rules of ${score.rulesVersion} with scoring method ${score.methodVersion}.`,
  ];
  if (score.status === "not-scored") paragraphs.push(`Not scored: ${score.notScoredReason ?? "nothing scorable was answered"}.`);
  else if (decision) {
    paragraphs.push(
      decision.outcome === "approve"
        ? "Custodian recommends approving the vendor: no finding needs a condition."
        : decision.outcome === "approve-with-conditions"
          ? `Custodian recommends approving the vendor once ${plural(decision.conditions.length, "condition is", "conditions are")} met before go-live.`
          : "Custodian recommends rejecting the vendor. The conditions below are what a later reassessment would need to see.",
    );
  }
  return {
    kind: "summary",
    id: "summary",
    title: "Executive summary",
    decision: decision ? decisionLabels[decision.outcome] : "Not scored",
    paragraphs,
    reasons: decision?.reasons.map((r) => r.text) ?? [],
    figures,
    conditions: (decision?.conditions ?? []).map(
      (condition): ChecklistItem => ({
        done: false,
        text: condition.text,
        // A condition made from one finding reads the same for every flow; its finding says which.
        detail: condition.findingIds
          .filter((id) => condition.id === `condition:${id}`)
          .flatMap((id) => score.findings.filter((f) => f.id === id).map((f) => endSentence(f.title)))
          .join(" "),
      }),
    ),
  };
}

function riskSection(score: ScoreResult, parties: PartyDirectory): RiskSection {
  const tables: RiskSection["tables"] = [];
  if (score.residual) {
    tables.push({
      caption: "Residual risk: how it is made up",
      columns: [
        { header: "Part", align: "left", width: 0.52 },
        { header: "Input", align: "right", width: 0.16 },
        { header: "Share", align: "right", width: 0.16 },
        { header: "Points", align: "right", width: 0.16 },
      ],
      rows: score.residual.breakdown.map((part) => [part.note ? `${part.label} (${part.note})` : part.label, points(part.input), `${part.share} %`, points(part.points)]),
      total: ["Residual risk", "", "", points(score.residual.score)],
    });
  }
  tables.push({
    caption: "Inherent risk: what the scope brings",
    columns: [
      { header: "Factor", align: "left", width: 0.28 },
      { header: "Detail", align: "left", width: 0.44 },
      { header: "Points", align: "right", width: 0.14 },
      { header: "Out of", align: "right", width: 0.14 },
    ],
    rows: score.inherent.factors.map((f) => [f.label, f.detail, String(f.points), String(f.maxPoints)]),
    total: ["Inherent risk", "", points(score.inherent.score), "100"],
  });
  if (score.control.breakdown.length > 0) {
    tables.push({
      caption: "Control score: each section's share",
      columns: [
        { header: "Section", align: "left", width: 0.4 },
        { header: "Weight", align: "right", width: 0.12 },
        { header: "Section score", align: "right", width: 0.12 },
        { header: "Worth", align: "right", width: 0.12 },
        { header: "Lost", align: "right", width: 0.12 },
        { header: "Points", align: "right", width: 0.12 },
      ],
      rows: score.control.breakdown.map((s) => [s.title, String(s.weight), points(s.sectionScore), points(s.worth), points(s.pointsLost), points(s.points)]),
      total: ["Control score", "", "", "", "", points(score.control.score)],
    });
  }
  if (score.residency.contributions.length > 0) {
    tables.push({
      caption: "Residency score: the flows that lose points",
      columns: [
        { header: "Flow", align: "left", width: 0.46 },
        { header: "Verdict", align: "left", width: 0.21 },
        { header: "Worth", align: "right", width: 0.11 },
        { header: "Penalty", align: "right", width: 0.11 },
        { header: "Lost", align: "right", width: 0.11 },
      ],
      rows: score.residency.contributions.map((f) => [
        `${regionLabel(f.subject)}: ${flowPhrase(f)} by ${parties.name(f.party)}`,
        verdictWords[f.verdict],
        points(f.worth),
        `${f.penalty} %`,
        points(f.pointsLost),
      ]),
      total: ["Residency score", "", "", "", points(score.residency.score)],
    });
  }
  const paragraphs = [
    "Every score is a deduction from 100 and every table adds up to the figure it explains (docs/scoring.md). Residual risk is half the inherent risk of the scope plus a quarter of each gap: the control gap (100 minus the control score) and the residency gap (100 minus the residency score).",
    ...(score.tier?.reasons ?? []),
  ];
  if (score.residency.notScoredReason) paragraphs.push(`Residency: ${score.residency.notScoredReason}`);
  return {
    kind: "risk",
    id: "risk",
    title: "Risk score",
    headline: score.residual
      ? `Residual risk ${points(score.residual.score)} of 100 (${score.residual.level}); tier ${score.tier ? tierLabels[score.tier.tier].toLowerCase() : "not set"}.`
      : `Not scored: ${score.notScoredReason ?? "nothing scorable was answered"}.`,
    paragraphs,
    tables,
  };
}

function chartSection(score: ScoreResult): ChartSection {
  return {
    kind: "chart",
    id: "sections",
    title: "Section scores",
    caption: "Each section's score out of 100; 100 means every scored answer is at its safest.",
    bars: score.sections.map((s) => ({
      label: s.title,
      fraction: s.score === null ? null : Math.max(0, Math.min(1, s.score / 100)),
      value: s.score === null ? "not scored" : points(s.score),
    })),
    note: score.sections.some((s) => s.score === null) ? "A section without any question carrying risk points is shown as not scored." : null,
  };
}

interface NamedFlow extends Flow {
  partyName: string;
}

function flowsWithNames(result: AssessResult, parties: PartyDirectory): NamedFlow[] {
  return result.flows.map((flow) => ({ ...flow, partyName: parties.name(flow.party) }));
}

function pictureSection(map: DataMap | null, flows: readonly NamedFlow[]): PictureSection {
  const subjects = map?.scope.subjects ?? [];
  const groups: PictureGroup[] = subjects.map((subject) => ({
    subject,
    label: regionLabel(subject),
    flows: flows
      .filter((f) => f.subject === subject)
      .map((f) => ({ region: f.region, regionLabel: regionLabel(f.region), use: f.use, verdict: f.verdict, partyName: f.partyName })),
  }));
  return {
    kind: "picture",
    id: "picture",
    title: "Where the data goes",
    caption:
      "Each line joins a region where data subjects are to a place their data goes. Its colour and pattern show the most severe verdict among the flows between the two; the flows table lists each in words.",
    groups,
    layout: layoutFlowPicture(groups),
    legend: verdictsMildFirst.map((verdict) => ({ verdict, label: `${verdictWords[verdict]} (${verdictStroke[verdict].pattern})` })),
    empty: flows.length === 0 ? "No flows were judged: the answers name no location for the data." : null,
  };
}

function flowsSection(
  map: DataMap | null,
  result: AssessResult,
  verifyNotes: readonly string[][],
  parties: PartyDirectory,
  notes: readonly string[],
  policy: { buyer: string; findings: readonly PolicyFinding[] } | null,
): FlowsSection {
  const subjects: Region[] = [...(map?.scope.subjects ?? [])];
  for (const flow of result.flows) if (!subjects.includes(flow.subject)) subjects.push(flow.subject);
  const counts = verdictsMildFirst.map((v) => `${result.flows.filter((f) => f.verdict === v).length} ${verdictWords[v]}`);
  return {
    kind: "flows",
    id: "flows",
    title: "Flows, legal bases and citations",
    intro: `Every place the buyer's customer data goes, for each region where data subjects are, judged under the jurisdiction rules of ${result.rulesVersion}. Remote access and support count as transfers; backups count as storage; onward parties are judged link by link.`,
    counts: `${plural(result.flows.length, "flow", "flows")}: ${counts.join(", ")}.`,
    groups: subjects.map((subject) => ({
      subject,
      heading: `Data subjects in ${regionLabel(subject)}`,
      rows: result.flows.flatMap((flow, index) =>
        flow.subject !== subject
          ? []
          : [
              {
                verdict: flow.verdict,
                verdictLabel: verdictWords[flow.verdict],
                destination: regionLabel(flow.region),
                use: useLabel(flow.use),
                party: parties.name(flow.party),
                via: parties.via(flow.party),
                basis: flow.basis,
                citations: flow.citations.join("; "),
                obligations: flow.obligations.map(obligationWords).join("; "),
                verify: verifyNotes[index] ?? [],
              },
            ],
      ),
    })),
    notes: [...notes],
    flags: result.flags.map((flag) => ({ severity: sentence(flag.severity), text: flag.text, citations: flag.citations.join("; ") })),
    policy:
      policy && policy.findings.length > 0
        ? {
            heading: `Policy findings (${policy.buyer}'s own rules)`,
            notice: `These come from ${policy.buyer}'s own residency policy, not from the law.`,
            rows: policy.findings.map((f) => ({
              rule: f.ruleText,
              severity: sentence(f.severity),
              flow: `${regionLabel(f.subject)}: ${flowPhrase(f)} by ${parties.name(f.party)}`,
              text: f.text,
            })),
          }
        : null,
  };
}

function findingsSection(score: ScoreResult, buyer: string): FindingsSection {
  return {
    kind: "findings",
    id: "findings",
    title: "Findings by severity",
    intro:
      score.findings.length === 0
        ? "No findings: every answer and flow is at its safest."
        : "Each finding with what would put it right. Knockouts are findings that count whatever the score; policy findings come from the buyer's own rules, not from the law.",
    groups: severityOrder.flatMap((severity) => {
      const items = score.findings.filter((f) => f.severity === severity);
      if (items.length === 0) return [];
      return [
        {
          severity,
          heading: `${severityLabels[severity]} (${items.length})`,
          items: items.map((f) => ({
            id: f.id,
            title: f.title,
            source: sourceLabel(f.source, buyer),
            detail: f.detail,
            remediation: f.remediation,
            references: [
              ...f.references.questions.map((q) => `question ${q}`),
              ...f.references.controls,
              ...f.references.citations,
            ].join("; "),
          })),
        },
      ];
    }),
  };
}

const obligationGroups = [
  { heading: "Transfer impact assessments", test: (o: string) => /\btia\b/.test(o) },
  { heading: "Privacy impact assessments", test: (o: string) => /\bpia\b/.test(o) },
  {
    heading: "Filings and notifications",
    test: (o: string) => /notif|filed|fil(e|ing)\b|regist|security-assessment|certification/.test(o),
  },
  { heading: "Contracts, notices and consents", test: () => true },
] as const;

function obligationsSection(result: AssessResult, map: DataMap | null, parties: PartyDirectory): ObligationsSection {
  const groups = new Map<string, { heading: string; items: Map<string, { obligation: string; party: string | null; flows: Flow[]; done: boolean }> }>();
  for (const g of obligationGroups) groups.set(g.heading, { heading: g.heading, items: new Map() });
  const add = (obligation: string, party: string | null, flow: Flow, done: boolean) => {
    const heading = obligationGroups.find((g) => g.test(obligation))!.heading;
    const key = `${done}\u0000${obligation}\u0000${party ?? ""}`;
    const items = groups.get(heading)!.items;
    const item = items.get(key) ?? { obligation, party, flows: [], done };
    item.flows.push(flow);
    items.set(key, item);
  };
  for (const flow of result.flows) {
    for (const obligation of flow.obligations) add(obligation, isSafeguardObligation(obligation) ? flow.party : null, flow, false);
    // A transfer that is lawful because a documented assessment backs it still leaves that assessment to review.
    const party = map ? parties.party(flow.party) : undefined;
    if (flow.verdict === "permitted-with-safeguard" && party) {
      for (const assessment of ["tia", "pia"] as const) if (party.safeguards.includes(assessment)) add(assessment, flow.party, flow, true);
    }
  }
  const describeFlows = (flows: readonly Flow[]) => {
    const bySubject = new Map<string, string[]>();
    for (const f of flows) bySubject.set(f.subject, [...new Set([...(bySubject.get(f.subject) ?? []), flowPhrase(f)])]);
    return [...bySubject].map(([subject, phrases]) => `people in ${regionLabel(subject)}: ${joinAnd(phrases)}`).join("; ");
  };
  const result_ = [...groups.values()]
    .map((g) => ({
      heading: g.heading,
      items: [...g.items.values()].map(
        (item): ChecklistItem => ({
          done: item.done,
          text: item.done
            ? `${sentence(obligationWords(item.obligation))} documented${item.party ? ` with ${parties.name(item.party)}` : ""}, by the vendor's answers: review it.`
            : endSentence(`${sentence(obligationWords(item.obligation))}${item.party ? `, with ${parties.name(item.party)}` : ""}`),
          detail: endSentence(`For ${describeFlows(item.flows)}`),
        }),
      ),
    }))
    .filter((g) => g.items.length > 0);
  const open = result_.reduce((n, g) => n + g.items.filter((i) => !i.done).length, 0);
  return {
    kind: "obligations",
    id: "obligations",
    title: "Obligations",
    intro:
      result_.length === 0
        ? "No transfer obligation is outstanding and none rests on an assessment to review."
        : `What the transfer rules still require (${plural(open, "item", "items")} to do, an empty box each), and the assessments that a lawful flow rests on (a ticked box: in place by the vendor's answers, to be reviewed).`,
    groups: result_,
  };
}

function tiaSection(input: AssessmentReportInput, answers: Answers, parties: PartyDirectory): TiaSection {
  const notes = transferImpactNotes({
    flows: input.residency.flows,
    dataMap: input.dataMap,
    parties,
    questionnaire: input.questionnaire,
    answers,
    vendorLabel: `${input.vendor.name} (the vendor)`,
    rulesVersion: input.score.rulesVersion,
    asOf: input.score.asOf,
  });
  return {
    kind: "tia",
    id: "tia",
    title: "Transfer impact notes",
    intro:
      notes.length === 0
        ? "No flow rests on a transfer tool that needs a transfer impact assessment (EU SCCs, BCRs, the UK IDTA or Addendum and the like), so no note is needed."
        : `One note for each flow whose transfer tool needs a transfer impact assessment, following the six steps of EDPB Recommendations 01/2020 (version 2.0, 18 June 2021). The notes gather what the vendor answered; the assessment itself is the exporter's.`,
    notes,
  };
}

function answersSection(input: AssessmentReportInput, answers: Answers): AnswersSection {
  const q = input.questionnaire;
  const context = { answers, vendorLabel: `${input.vendor.name} (the vendor)` };
  const answeredBy = [...new Set(Object.values(input.answers).flatMap((a) => (a.answeredBy ? [a.answeredBy] : [])))].sort();
  const sections = q.sections
    .filter((section) => isVisible(section, answers))
    .map((section) => ({
      title: text(section.title),
      questions: section.questions
        .filter((question) => isVisible(question, answers))
        .map((question) => ({ id: question.id, text: text(question.text), answer: displayAnswer(question, answers[question.id], context) })),
    }))
    .filter((section) => section.questions.length > 0);
  const uploads = (questionId: string) =>
    input.evidenceFiles
      .filter((file) => file.questionId === questionId)
      .map(
        (file) =>
          `${file.fileName} (${formatBytes(file.size)}, sha256 ${file.sha256.slice(0, 16)}…, uploaded by ${file.uploadedBy} on ${dateLabel(file.uploadedAt)}${file.purged ? "; since purged under the retention policy" : ""})`,
      );
  const evidence = q.sections
    .flatMap((section) => section.questions)
    .filter((question) => (question.type === "file" || question.type === "url") && isVisible(question, answers))
    .flatMap((question) => {
      const answer = displayAnswer(question, answers[question.id], context);
      const named = answer.kind === "list" ? answer.items : answer.kind === "link" ? [answer.href] : [];
      const files = uploads(question.id);
      const items = [...files, ...named.filter((name) => !files.some((f) => f.startsWith(`${name} (`)))];
      return items.length > 0 ? [{ question: text(question.text), items }] : [];
    });
  return {
    kind: "answers",
    id: "answers",
    title: "Answers and evidence",
    intro: `Every answer that applies, as given${answeredBy.length > 0 ? ` by ${joinAnd(answeredBy)}` : ""}, section by section, then the evidence the vendor attached or pointed to. Questions hidden by other answers are left out: they count for nothing.`,
    sections,
    evidence,
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function sourcesSection(catalogue: CatalogueInfo, score: ScoreResult | null): SourcesSection {
  const facts: LabelValue[] = [{ label: "Jurisdiction rules", value: `version ${catalogue.rulesVersion} (catalogue last reviewed ${dateLabel(catalogue.rulesVersion)})` }];
  if (score) {
    facts.push(
      { label: "Scoring method", value: `version ${score.methodVersion} (docs/scoring.md)` },
      { label: "Questionnaire", value: `${score.questionnaire.id} ${score.questionnaire.version}, sha256 ${score.questionnaire.hash}` },
    );
  }
  return {
    kind: "sources",
    id: "sources",
    title: "Sources",
    facts,
    jurisdictions: catalogue.jurisdictions.map((j) => ({
      heading: `${j.name} (${j.code}): reviewed ${dateLabel(j.reviewed)}; regulator ${j.regulator.name}`,
      lines: j.sources.map((s) => ({
        text: `${s.url} (${s.date}${s.secondary ? ", secondary source" : ""})${s.note ? `: ${s.note}` : ""}`,
        url: s.url,
      })),
    })),
  };
}

function signOffSection(input: AssessmentReportInput): SignOffSection {
  const { version, score, vendor, buyer } = input;
  const decision = score.decision ? decisionLabels[score.decision.outcome].toLowerCase() : "no recommendation (not scored)";
  return {
    kind: "signoff",
    id: "signoff",
    title: "Sign-off",
    statement: `We have read this report on ${vendor.name} for ${buyer.name}, including its flows, findings and obligations. The recommended decision is: ${decision}. By signing we accept that decision, or record our own below, and accept the residual risk stated in this report.`,
    record: version
      ? `Score version ${version.number} (${version.reason === "finalised" ? "finalised" : "re-scored"}) of ${dateLabel(version.createdAt)} by ${version.createdBy}: questionnaire ${score.questionnaire.id} ${score.questionnaire.version}, rules ${score.rulesVersion}, scoring method ${score.methodVersion}. The same version always gives the same report.`
      : "Draft: not finalised. Sign only a finalised report: a draft's figures change with the answers.",
    signatories: ["Legal reviewer", "Approver (risk owner)"],
    fields: ["Name", "Decision", "Signature", "Date"],
  };
}

