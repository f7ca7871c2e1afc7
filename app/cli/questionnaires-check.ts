import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { checkQuestionnaireSet, formatCheckReport, type SourceFile } from "~/questionnaire/check";

/**
 * `npm run questionnaires:check [PATH...]`: validates every questionnaire file
 * in the given files or folders (default: questionnaires/ or QUESTIONNAIRES_DIR)
 * and exits 1 on any error, printing "file:line: message [kind]".
 */
export function runQuestionnairesCheck(args: string[], cwd = process.cwd()) {
  const targets = args.length > 0 ? args : [process.env.QUESTIONNAIRES_DIR ?? "questionnaires"];
  const files: SourceFile[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const names = statSync(absolute).isDirectory()
      ? readdirSync(absolute)
          .filter((n) => /\.ya?ml$/.test(n))
          .sort()
          .map((n) => path.join(absolute, n))
      : [absolute];
    for (const name of names) files.push({ fileName: path.relative(cwd, name), text: readFileSync(name, "utf8") });
  }
  if (files.length === 0) return { stdout: "", stderr: `no questionnaire files in ${targets.join(", ")}\n`, exitCode: 1 };
  return formatCheckReport(checkQuestionnaireSet(files));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { stdout, stderr, exitCode } = runQuestionnairesCheck(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = exitCode;
}
