import { basename } from "node:path";
import type { DataMap } from "~/datamap/schema";
import type { Questionnaire } from "~/questionnaire";
import { buildDataMapReport } from "~/report/build";
import { catalogueInfoFor } from "~/report/catalogue";
import { renderReportPdf, reportDate } from "~/report/pdf/render";
import { getLatestQuestionnaire, getQuestionnaire, listQuestionnaires } from "~/questionnaire/registry.server";
import { assessDataMap, listJurisdictions } from "~/residency";
import { parseAnswersInput, parseQuestionnaireRef } from "./assess-answers";
import { parseDataMapInput } from "./assess-input";
import { parseAssessArgs, usage } from "./assess-options";

export interface AssessIO {
  readFile(path: string): string;
  /** A questionnaire by id and version, or its newest published version; the installed files by default. */
  questionnaire?(id: string, version?: string): Questionnaire | null;
  /** SOURCE_DATE_EPOCH: the PDF report's date, so the same input gives the same bytes. */
  sourceDateEpoch?: string;
  /** The report's date when SOURCE_DATE_EPOCH is not set. */
  now?(): Date;
}

const installedQuestionnaire = (id: string, version?: string) =>
  version ? getQuestionnaire(id, version) : getLatestQuestionnaire(id);

export interface AssessOutcome {
  exitCode: 0 | 1 | 2;
  /** Produced lazily: an array of maps is judged and printed one map at a time. */
  stdout: Iterable<string>;
  stderr: string;
  /** For --format pdf: the file to write and its bytes, made when asked (pdfkit is asynchronous). */
  pdf?: { out: string; render(): Promise<Uint8Array> };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const fail = (exitCode: 1 | 2, message: string): AssessOutcome => ({ exitCode, stdout: [], stderr: `${message}\n` });

/**
 * Runs one `assess` invocation. Input is read and validated in full before anything is
 * judged, so nothing reaches stdout unless every map is valid.
 */
export function runAssess(argv: readonly string[], io: AssessIO): AssessOutcome {
  const command = parseAssessArgs(argv);
  switch (command.kind) {
    case "help":
      return { exitCode: 0, stdout: [`${usage}\n`], stderr: "" };
    case "usage-error":
      return fail(2, `assess: ${command.message}\n\n${usage}`);
    case "jurisdictions":
      return { exitCode: 0, stdout: [json(listJurisdictions())], stderr: "" };
    case "assess": {
      let text: string;
      try {
        text = io.readFile(command.dataMap);
      } catch (error) {
        return fail(1, `assess: cannot read --data-map ${command.dataMap}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const input = parseDataMapInput(text);
      if (!input.ok) {
        const count = input.problems.length === 1 ? "1 problem" : `${input.problems.length} problems`;
        return fail(1, `assess: ${command.dataMap} is not a valid DataMap or array of DataMaps (${count}):\n${input.problems.join("\n")}`);
      }
      const { maps, array } = input;
      if (command.format === "pdf") return pdfOutcome(command.out, command.dataMap, maps, array, io, "");
      if (!array) return { exitCode: 0, stdout: [json(assessDataMap(maps[0]!))], stderr: "" };
      return { exitCode: 0, stdout: printArray(maps.map((map) => () => assessDataMap(map))), stderr: "" };
    }
    case "assess-answers": {
      const ref = parseQuestionnaireRef(command.questionnaire)!;
      let questionnaire: Questionnaire | null;
      try {
        questionnaire = (io.questionnaire ?? installedQuestionnaire)(ref.id, ref.version);
      } catch (error) {
        return fail(1, `assess: cannot load questionnaires: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!questionnaire) {
        const installed = io.questionnaire ? "" : `; installed: ${listQuestionnaires().map((q) => `${q.id}@${q.version}`).join(", ")}`;
        return fail(1, `assess: --questionnaire ${command.questionnaire}: no such questionnaire${installed}`);
      }
      let text: string;
      try {
        text = io.readFile(command.answers);
      } catch (error) {
        return fail(1, `assess: cannot read --answers ${command.answers}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const input = parseAnswersInput(text, questionnaire);
      if (!input.ok) {
        const count = input.problems.length === 1 ? "1 problem" : `${input.problems.length} problems`;
        return fail(
          1,
          `assess: ${command.answers} is not a valid answers document for ${questionnaire.id} ${questionnaire.version} (${count}):\n${input.problems.join("\n")}`,
        );
      }
      const notes = input.notes.flat().map((note) => `assess: note: ${note}\n`).join("");
      const { maps, array } = input;
      if (command.format === "pdf") return pdfOutcome(command.out, command.answers, maps, array, io, notes);
      if (!array) return { exitCode: 0, stdout: [json(assessDataMap(maps[0]!))], stderr: notes };
      return { exitCode: 0, stdout: printArray(maps.map((map) => () => assessDataMap(map))), stderr: notes };
    }
  }
}

/** The residency report of one map, to be rendered and written by the caller. */
function pdfOutcome(out: string, file: string, maps: readonly DataMap[], array: boolean, io: AssessIO, stderr: string): AssessOutcome {
  if (array) return fail(1, `assess: --format pdf writes the report of one DataMap; ${file} holds an array of ${maps.length}. Give one map.`);
  let issued: Date;
  try {
    issued = reportDate({ issuedAt: (io.now?.() ?? new Date()).toISOString() }, io.sourceDateEpoch);
  } catch (error) {
    return fail(2, `assess: ${error instanceof Error ? error.message : String(error)}`);
  }
  const dataMap = maps[0]!;
  return {
    exitCode: 0,
    stdout: [],
    stderr,
    pdf: {
      out,
      render: () =>
        renderReportPdf(
          buildDataMapReport({
            issuedAt: issued.toISOString(),
            label: basename(file),
            dataMap,
            residency: assessDataMap(dataMap),
            catalogue: catalogueInfoFor(dataMap.scope.subjects),
          }),
          { sourceDateEpoch: io.sourceDateEpoch },
        ),
    },
  };
}

/** The same text as JSON.stringify(results, null, 2), one result at a time. */
function* printArray(results: readonly (() => unknown)[]): Generator<string> {
  if (results.length === 0) {
    yield "[]\n";
    return;
  }
  let separator = "[\n  ";
  for (const result of results) {
    // JSON strings hold no raw newlines, so indenting every line is safe.
    yield separator + JSON.stringify(result(), null, 2).replace(/\n/g, "\n  ");
    separator = ",\n  ";
  }
  yield "\n]\n";
}
