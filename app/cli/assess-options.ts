import { parseArgs } from "node:util";
import { parseQuestionnaireRef } from "./assess-answers";

// The `assess` command line (shared/DESIGN.md, "Contract"). Parsing only: what
// to do is decided here, doing it is assess-run.ts.

/** JSON on standard output, or the PDF report written to a file. */
export type AssessOutput = { format: "json" } | { format: "pdf"; out: string };

export type AssessCommand =
  | { kind: "help" }
  | ({ kind: "assess"; dataMap: string } & AssessOutput)
  | ({ kind: "assess-answers"; answers: string; questionnaire: string } & AssessOutput)
  | { kind: "jurisdictions"; format: "json" }
  | { kind: "usage-error"; message: string };

export const usage = `Usage:
  npm run --silent assess -- --data-map FILE [--format json]
      Judge every cross-border flow of one DataMap (or a JSON array of them)
      and print the result (or an array of results, in the same order).
  npm run --silent assess -- --answers FILE --questionnaire ID [--format json]
      Start from questionnaire answers instead: FILE holds { "scope": {...},
      "answers": { "<question id>": <value> | { "na": "reason" } },
      "unauthorisedParties": [...] } (or an array of them); ID is
      "hosted-crm" (the newest published version) or "hosted-crm@1.0.0".
      The DataMap is derived as the app derives it; what the answers could
      not tell is noted on standard error, the result is the same as above.
  npm run --silent assess -- --jurisdictions [--format json]
      Print the jurisdiction catalogue: code, name, reviewed date, sources and
      the facts still to verify, one object per jurisdiction.

  npm run --silent assess -- --data-map FILE --format pdf --out REPORT.pdf
      Write the residency report of one DataMap (or of the map --answers
      gives) as a PDF instead: where the data goes, every flow with its
      verdict, basis and citations, the obligations and the sources.
      SOURCE_DATE_EPOCH, when set, dates the PDF (the same input and date
      give the same bytes).

Exit status: 0 on success, 1 on bad input (unreadable file, invalid JSON,
a DataMap that breaks the schema, an array given for a PDF, a PDF that cannot
be written), 2 on a usage error. Errors go to standard error, never to
standard output.`;

export function parseAssessArgs(argv: readonly string[]): AssessCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        "data-map": { type: "string" },
        jurisdictions: { type: "boolean" },
        format: { type: "string" },
        out: { type: "string" },
        answers: { type: "string" },
        questionnaire: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { kind: "usage-error", message: error instanceof Error ? error.message : String(error) };
  }

  if (values.help) return { kind: "help" };
  const answers = values.answers;
  if (answers !== undefined || values.questionnaire !== undefined) {
    if (answers === undefined) return { kind: "usage-error", message: "--questionnaire ID goes with --answers FILE" };
    if (values.questionnaire === undefined) return { kind: "usage-error", message: "--answers FILE needs --questionnaire ID, e.g. hosted-crm" };
    if (answers === "") return { kind: "usage-error", message: "--answers needs a file name" };
    if (!parseQuestionnaireRef(values.questionnaire)) {
      return { kind: "usage-error", message: `--questionnaire must be an id such as hosted-crm or hosted-crm@1.0.0, not "${values.questionnaire}"` };
    }
    if (values["data-map"] !== undefined || values.jurisdictions) {
      return { kind: "usage-error", message: "give one input: --answers FILE, --data-map FILE or --jurisdictions" };
    }
  }
  const format = values.format ?? "json";
  if (format !== "json" && format !== "pdf") return { kind: "usage-error", message: `--format must be json or pdf, not "${format}"` };
  if (format === "pdf" && (values.out === undefined || values.out === "")) return { kind: "usage-error", message: "--format pdf needs --out FILE: a PDF is never written to standard output" };
  if (format === "json" && values.out !== undefined) return { kind: "usage-error", message: "--out FILE goes with --format pdf; JSON is printed on standard output" };
  const output: AssessOutput = format === "pdf" ? { format, out: values.out! } : { format };

  const dataMap = values["data-map"];
  if (values.jurisdictions && dataMap !== undefined) {
    return { kind: "usage-error", message: "give either --data-map FILE or --jurisdictions, not both" };
  }
  if (values.jurisdictions) {
    if (output.format === "pdf") return { kind: "usage-error", message: "--jurisdictions prints JSON; --format pdf is for a DataMap" };
    return { kind: "jurisdictions", format: "json" };
  }
  if (answers !== undefined && values.questionnaire !== undefined) {
    return { kind: "assess-answers", answers, questionnaire: values.questionnaire, ...output };
  }
  if (dataMap === undefined) return { kind: "usage-error", message: "--data-map FILE or --jurisdictions is required" };
  if (dataMap === "") return { kind: "usage-error", message: "--data-map needs a file name" };
  return { kind: "assess", dataMap, ...output };
}
