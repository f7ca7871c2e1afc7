import { answerAsText, displayAnswer } from "~/answering/display";
import type { DataMap, LocationUse } from "~/datamap/schema";
import { regionLabel } from "~/geo/regions";
import { isVisible, text, type Answers, type Questionnaire, type TableRow } from "~/questionnaire";
import { countryOf } from "~/residency/regions";
import { safeguardLabels } from "~/residency/safeguards";
import type { Flow } from "~/residency/types";
import { categoryLabels } from "~/ui/format";
import type { TiaSection } from "./types";
import { dateLabel, endSentence, obligationWords, verdictWords, type PartyDirectory } from "./words";

// Transfer-impact notes follow the six steps of EDPB Recommendations 01/2020
// (v2.0, 18 June 2021; shared/reference/jurisdictions.md §1): know the transfer,
// identify the tool, assess the destination's law and practice, adopt
// supplementary measures, take the procedural steps, re-evaluate. A TIA is
// needed for Art. 46 tools, not under adequacy.

/**
 * The hosted-crm questions whose answers bear on each step. Like scoring's dated
 * checks, the format cannot say this, so a new questionnaire must review the
 * list; ids it does not have are skipped.
 */
const answersForStep = {
  law: ["s0.parent_name", "s0.parent_country", "s11.compelling_laws", "s11.request_procedure", "s11.request_practices", "s11.transparency_report"],
  measures: ["s7.key_model", "s7.at_rest", "s3.backup_encryption", "s2.access_model", "s2.support_restriction", "s11.mitigations"],
  procedure: ["s2.tia_shared", "s0.vendor_safeguards"],
} as const;
const COMPELLING_LAWS = "s11.compelling_laws";

const useVerbs: Readonly<Record<LocationUse, string>> = {
  storage: "is stored in",
  backup: "is backed up in",
  access: "is reached remotely from",
  processing: "is processed in",
};

const roleWords = { vendor: "the vendor", affiliate: "an affiliate of the vendor", subprocessor: "a subprocessor" } as const;

const needsAssessment = (obligation: string) => /\btia\b/.test(obligation);

export interface TiaInput {
  flows: readonly Flow[];
  dataMap: DataMap | null;
  parties: PartyDirectory;
  questionnaire: Questionnaire;
  answers: Answers;
  vendorLabel: string;
  rulesVersion: string;
  asOf: string;
}

/**
 * A flow needs a note when the rules ask for a TIA that is missing, or when it
 * is lawful because the party's TIA backs its transfer tool.
 */
export function needsTransferImpactNote(flow: Flow, partySafeguards: readonly string[]): boolean {
  return flow.obligations.some(needsAssessment) || (flow.verdict === "permitted-with-safeguard" && partySafeguards.includes("tia"));
}

export function transferImpactNotes(input: TiaInput): TiaSection["notes"] {
  const { flows, dataMap, parties, questionnaire, answers } = input;
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const context = { answers, vendorLabel: input.vendorLabel };
  const answerLines = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const question = questions.get(id);
      if (!question || !isVisible(question, answers)) return [];
      return [`${text(question.text)} ${answerAsText(displayAnswer(question, answers[id], context), { layout: "inline", unanswered: "Not answered." })}`];
    });
  const categories = (dataMap?.scope.categories ?? []).map((c) => categoryLabels[c]?.toLowerCase() ?? c).join(", ");

  return flows.flatMap((flow) => {
    const party = parties.party(flow.party);
    const safeguards = party?.safeguards ?? [];
    if (!needsTransferImpactNote(flow, safeguards)) return [];
    const missing = flow.obligations.some(needsAssessment);
    const name = parties.name(flow.party);
    const via = parties.via(flow.party);
    const destination = regionLabel(flow.region);
    const established = party?.country ? ` established in ${regionLabel(party.country)}` : "";
    const role = party ? roleWords[party.role] : "a party";

    const lawsThere = compellingLawsIn(answers[COMPELLING_LAWS]?.value, countryOf(flow.region));
    const lawLine = !questions.has(COMPELLING_LAWS)
      ? []
      : lawsThere === 0
        ? [`The vendor names no law of ${regionLabel(countryOf(flow.region))} that can compel disclosure of the data.`]
        : [`The vendor names ${lawsThere === 1 ? "a law" : `${lawsThere} laws`} of ${regionLabel(countryOf(flow.region))} that can compel disclosure, listed below.`];
    const outstanding = flow.obligations.map(obligationWords);

    return [
      {
        heading: `${regionLabel(flow.subject)} to ${destination}: ${flow.use === "access" ? "remote access" : flow.use} by ${name}`,
        status: missing
          ? "No transfer impact assessment is on record: one is needed before go-live."
          : "The vendor's answers say a transfer impact assessment is documented: check it against these steps.",
        steps: [
          {
            title: "1. Know the transfer",
            lines: [
              `Data of people in ${regionLabel(flow.subject)}${categories ? ` (${categories})` : ""} ${useVerbs[flow.use]} ${destination} by ${name}, ${role}${established}${via ? `, ${via}` : ""}.`,
            ],
          },
          {
            title: "2. Identify the transfer tool",
            lines: [
              safeguards.length > 0
                ? `In place with ${name}: ${safeguards.map((s) => `${safeguardLabels[s]} (${s})`).join("; ")}.`
                : `No safeguard is recorded with ${name}.`,
              `Verdict: ${verdictWords[flow.verdict]}. ${endSentence(flow.basis)}`,
              `Citations: ${flow.citations.join("; ")}.`,
            ],
          },
          {
            title: `3. Assess the law and practice of ${destination}`,
            lines: [...lawLine, ...answerLines(answersForStep.law)],
          },
          { title: "4. Adopt supplementary measures", lines: answerLines(answersForStep.measures) },
          {
            title: "5. Take the procedural steps",
            lines: [
              outstanding.length > 0
                ? `Still to do for this flow: ${outstanding.join("; ")}.`
                : `Nothing is outstanding for this flow under the rules of ${input.rulesVersion}.`,
              ...answerLines(answersForStep.procedure),
            ],
          },
          {
            title: "6. Re-evaluate",
            lines: [
              `Scored as of ${dateLabel(input.asOf)}. Re-evaluate at the next reassessment, whenever the vendor's answers on locations, subprocessors or government access change, and when the jurisdiction rules move on from ${input.rulesVersion}: re-scoring in Custodian shows what changed.`,
            ],
          },
        ],
      },
    ];
  });
}

function compellingLawsIn(value: unknown, country: string): number {
  if (!Array.isArray(value)) return 0;
  return value.filter(
    (row): row is TableRow => typeof row === "object" && row !== null && typeof (row as TableRow).country === "string" && countryOf(String((row as TableRow).country)) === country,
  ).length;
}
