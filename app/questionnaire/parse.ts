import { LineCounter, parseDocument } from "yaml";
import { getControlReference } from "./controls";
import { canonicalJson, sha256Hex } from "./hash";
import type { LocalizedText } from "./localized";
import {
  QuestionnaireFileSchema,
  type Choice,
  type Column,
  type Condition,
  type LeafCondition,
  type QuestionFile,
  type QuestionnaireFile,
} from "./schema";
import type {
  Flag,
  MissingTranslation,
  Question,
  Questionnaire,
  QuestionnaireError,
  QuestionnaireErrorCode,
  Rule,
  Section,
} from "./types";
import { formatPath, lineOf, type PathSegment } from "./yaml-lines";

export type ParseResult = { ok: true; questionnaire: Questionnaire } | { ok: false; errors: QuestionnaireError[] };

/** Parses and checks one questionnaire file. Pure: the caller reads the file. */
export function parseQuestionnaire(text: string, fileName: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        file: fileName,
        path: "",
        line: lineCounter.linePos(error.pos[0]).line,
        message: `YAML syntax: ${error.message.split("\n")[0]}`,
        code: "syntax",
      })),
    };
  }
  const errors: QuestionnaireError[] = [];
  const report = (code: QuestionnaireErrorCode, path: readonly PathSegment[], message: string) =>
    errors.push({ file: fileName, path: formatPath(path), line: lineOf(doc, lineCounter, path), message, code });

  const data: unknown = doc.toJS();
  const parsed = QuestionnaireFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const missingEnglish = path.at(-1) === "en" && issue.code === "invalid_type" && /undefined/.test(issue.message);
      if (missingEnglish) report("missing-english", path, "English text is required");
      else report("schema", path, issue.message);
    }
    return { ok: false, errors };
  }

  const file = parsed.data;
  const checker = new Checker(file, report);
  checker.run();
  const missingTranslations = checker.translations((path) => lineOf(doc, lineCounter, path));
  const partial = new Set(file.partial_locales);
  if (file.status === "published") {
    for (const missing of missingTranslations.filter((m) => !partial.has(m.locale))) {
      errors.push({
        file: fileName,
        path: missing.key,
        line: missing.line,
        message: `no "${missing.locale}" text for ${missing.key} in a published file (declare "${missing.locale}" in partial_locales to allow it)`,
        code: "missing-translation",
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    questionnaire: {
      ...resolve(file, checker.index),
      hash: sha256Hex(canonicalJson(data)),
      fileName,
      missingTranslations,
    },
  };
}

interface Indexed {
  question: QuestionFile;
  sectionIndex: number;
  order: number;
  path: PathSegment[];
}

type Report = (code: QuestionnaireErrorCode, path: readonly PathSegment[], message: string) => void;

class Checker {
  readonly index = new Map<string, Indexed>();
  private readonly sectionFirstOrder: number[] = [];
  // Dependency edges for the cycle check: "q:<id>" or "s:<id>" to the same, with the path to report.
  private readonly edges = new Map<string, { to: string; path: PathSegment[] }[]>();

  constructor(
    private readonly file: QuestionnaireFile,
    private readonly report: Report,
  ) {}

  run() {
    this.checkLocales();
    this.indexIds();
    this.file.sections.forEach((section, s) => {
      if (section.visible_if) {
        this.checkCondition(section.visible_if, ["sections", s, "visible_if"], { kind: "section", sectionIndex: s });
      }
      section.questions.forEach((question, j) => this.checkQuestion(question, ["sections", s, "questions", j]));
    });
    this.checkCycles();
  }

  private checkLocales() {
    const locales = new Set(this.file.locales);
    if (!locales.has("en")) this.report("missing-english", ["locales"], 'locales must include "en"');
    this.file.partial_locales.forEach((locale, i) => {
      if (!locales.has(locale)) this.report("unknown-locale", ["partial_locales", i], `"${locale}" is not in locales`);
    });
    for (const { text, path } of localizedTexts(this.file)) {
      for (const locale of Object.keys(text)) {
        if (!locales.has(locale)) this.report("unknown-locale", [...path, locale], `locale "${locale}" is not declared in locales`);
      }
    }
  }

  private indexIds() {
    const sectionIds = new Map<string, number>();
    let order = 0;
    this.file.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) {
        this.report("duplicate-id", ["sections", s, "id"], `section id "${section.id}" is already used by sections[${sectionIds.get(section.id)}]`);
      } else sectionIds.set(section.id, s);
      this.sectionFirstOrder[s] = order;
      section.questions.forEach((question, j) => {
        const path: PathSegment[] = ["sections", s, "questions", j];
        const existing = this.index.get(question.id);
        if (existing) {
          this.report("duplicate-id", [...path, "id"], `question id "${question.id}" is already used at ${formatPath(existing.path)}`);
        } else {
          this.index.set(question.id, { question, sectionIndex: s, order, path });
        }
        if (!question.id.startsWith(`${section.id}.`)) {
          this.report("schema", [...path, "id"], `question id "${question.id}" must start with its section id "${section.id}."`);
        }
        order++;
      });
    });
  }

  private checkQuestion(question: QuestionFile, path: PathSegment[]) {
    const self = this.index.get(question.id);
    if (!self || self.path.join() !== path.join()) return;
    const owner = { kind: "question" as const, id: question.id, order: self.order };
    if (question.visible_if) this.checkCondition(question.visible_if, [...path, "visible_if"], owner);
    if (question.required_if) this.checkCondition(question.required_if, [...path, "required_if"], owner);
    if (question.na_allowed_if) this.checkCondition(question.na_allowed_if, [...path, "na_allowed_if"], owner);
    this.addEdge(`q:${question.id}`, `s:${this.file.sections[self.sectionIndex]!.id}`, path);

    question.refs.forEach((ref, i) => {
      if (!getControlReference(ref)) {
        this.report("unknown-reference", [...path, "refs", i], `"${ref}" is not in the control reference catalogue (app/questionnaire/controls.ts)`);
      }
    });
    const flagIds = new Set<string>();
    question.flags.forEach((flag, i) => {
      const id = flag.id ?? String(i + 1);
      if (flagIds.has(id)) this.report("duplicate-id", [...path, "flags", i, "id"], `flag id "${id}" is used twice`);
      flagIds.add(id);
      // Flags are judged on the finished answers, so they may look at any question.
      this.checkCondition(flag.when, [...path, "flags", i, "when"], { kind: "flag" });
    });
    if ("choices" in question) {
      checkDuplicates(question.choices.map((c) => c.value), [...path, "choices"], "value", "choice", this.report);
      checkMissingRisk(question.type, question.choices, [...path, "choices"], this.report);
    }
    if (question.type === "number" && question.min !== undefined && question.max !== undefined && question.min > question.max) {
      this.report("schema", [...path, "min"], "min is greater than max");
    }
    if (question.type === "table") this.checkTable(question, path, self.order);
  }

  private checkTable(question: Extract<QuestionFile, { type: "table" }>, path: PathSegment[], order: number) {
    checkDuplicates(question.columns.map((c) => c.id), [...path, "columns"], "id", "column", this.report);
    if (question.max_rows !== undefined && question.min_rows > question.max_rows) {
      this.report("schema", [...path, "min_rows"], "min_rows is greater than max_rows");
    }
    if (question.key_column !== undefined) {
      const key = question.columns.find((c) => c.id === question.key_column);
      if (!key) this.report("schema", [...path, "key_column"], `"${question.key_column}" is not a column of this table`);
      else if (key.type !== "text" || !key.required) {
        this.report("schema", [...path, "key_column"], "the key column must be a required text column");
      }
    }
    question.columns.forEach((column, c) => {
      const columnPath = [...path, "columns", c];
      if (column.type === "single" || column.type === "multi") {
        checkDuplicates(column.choices.map((ch) => ch.value), [...columnPath, "choices"], "value", "choice", this.report);
        checkMissingRisk("column", column.choices, [...columnPath, "choices"], this.report);
      }
      if (column.type === "rowref") {
        const target = this.index.get(column.table);
        if (!target) this.report("unknown-question", [...columnPath, "table"], `refers to unknown question "${column.table}"`);
        else if (target.question.type !== "table" || target.question.key_column === undefined) {
          this.report("type-mismatch", [...columnPath, "table"], `"${column.table}" is not a table with a key_column`);
        } else if (target.order > order) {
          this.report("forward-reference", [...columnPath, "table"], `refers to "${column.table}", which comes later in the file`);
        }
      }
    });
  }

  private checkCondition(
    condition: Condition,
    path: PathSegment[],
    owner: { kind: "question"; id: string; order: number } | { kind: "section"; sectionIndex: number } | { kind: "flag" },
  ) {
    walkLeaves(condition, path, (leaf, leafPath) => {
      const target = this.index.get(leaf.q);
      if (!target) {
        this.report("unknown-question", [...leafPath, "q"], `refers to unknown question "${leaf.q}"`);
        return;
      }
      if (owner.kind === "question") {
        if (target.order > owner.order) {
          this.report("forward-reference", [...leafPath, "q"], `refers to "${leaf.q}", which comes after "${owner.id}"; a condition may only look at earlier questions`);
        }
        this.addEdge(`q:${owner.id}`, `q:${leaf.q}`, [...leafPath, "q"]);
      } else if (owner.kind === "section") {
        if (target.sectionIndex > owner.sectionIndex) {
          this.report("forward-reference", [...leafPath, "q"], `refers to "${leaf.q}", which is in a later section`);
        }
        this.addEdge(`s:${this.file.sections[owner.sectionIndex]!.id}`, `q:${leaf.q}`, [...leafPath, "q"]);
      }
      const mismatch = typeMismatch(leaf, target.question);
      if (mismatch) this.report(mismatch.code, [...leafPath, ...mismatch.at], mismatch.message);
    });
  }

  private addEdge(from: string, to: string, path: PathSegment[]) {
    const list = this.edges.get(from) ?? [];
    list.push({ to, path });
    this.edges.set(from, list);
  }

  private checkCycles() {
    const state = new Map<string, "visiting" | "done">();
    const stack: { node: string; path: PathSegment[] }[] = [];
    const reported = new Set<string>();
    const visit = (node: string) => {
      state.set(node, "visiting");
      for (const edge of this.edges.get(node) ?? []) {
        stack.push({ node, path: edge.path });
        if (state.get(edge.to) === "visiting") {
          const start = stack.findIndex((frame) => frame.node === edge.to);
          const cycle = stack.slice(start);
          const names = [...cycle.map((f) => f.node.slice(2)), edge.to.slice(2)];
          const key = [...names].sort().join();
          if (!reported.has(key)) {
            reported.add(key);
            this.report("cycle", cycle[0]!.path, `conditions form a cycle: ${names.join(" → ")}`);
          }
        } else if (!state.has(edge.to)) visit(edge.to);
        stack.pop();
      }
      state.set(node, "done");
    };
    for (const node of this.edges.keys()) if (!state.has(node)) visit(node);
  }

  translations(lineAt: (path: PathSegment[]) => number): MissingTranslation[] {
    const missing: MissingTranslation[] = [];
    for (const locale of this.file.locales.filter((l) => l !== "en")) {
      for (const { key, text, path } of localizedTexts(this.file)) {
        if (text[locale] === undefined) missing.push({ locale, key, line: lineAt(path) });
      }
    }
    return missing;
  }
}

function checkDuplicates(values: string[], path: PathSegment[], field: string, what: string, report: Report) {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) report("duplicate-id", [...path, i, field], `${what} "${value}" appears twice`);
    seen.add(value);
  });
}

// A table row is scored by its riskiest cell, so a missing choice would count
// once per row; and a single choice or an exclusive "none" is always the whole
// answer, so "not ticked" says nothing there.
function checkMissingRisk(owner: "single" | "multi" | "column", choices: readonly Choice[], path: PathSegment[], report: Report) {
  choices.forEach((choice, i) => {
    if (choice.missing_risk === undefined) return;
    const at = [...path, i, "missing_risk"];
    if (owner === "single") report("schema", at, "missing_risk only applies to a multi question's choices; give this choice risk instead");
    else if (owner === "column") report("schema", at, "missing_risk only applies to a multi question's choices, not to a table column");
    else if (choice.exclusive) report("schema", at, `the exclusive choice "${choice.value}" cannot carry missing_risk; give it risk, which counts when it is ticked`);
    else if (choice.risk !== undefined) report("schema", at, `choice "${choice.value}" has both risk (when ticked) and missing_risk (when not ticked); keep one`);
  });
}

function walkLeaves(condition: Condition, path: PathSegment[], visit: (leaf: LeafCondition, path: PathSegment[]) => void) {
  if ("all" in condition) condition.all.forEach((c, i) => walkLeaves(c, [...path, "all", i], visit));
  else if ("any" in condition) condition.any.forEach((c, i) => walkLeaves(c, [...path, "any", i], visit));
  else if ("not" in condition) walkLeaves(condition.not, [...path, "not"], visit);
  else visit(condition, path);
}

type Target = { type: string; choices?: { value: string }[] };

function typeMismatch(
  leaf: LeafCondition,
  question: QuestionFile,
): { code: QuestionnaireErrorCode; at: PathSegment[]; message: string } | null {
  let target: Target = question;
  let name = `"${question.id}" (${question.type})`;
  if (leaf.column !== undefined) {
    if (question.type !== "table") {
      return { code: "type-mismatch", at: ["column"], message: `${name} is not a table, so it has no column "${leaf.column}"` };
    }
    const column: Column | undefined = question.columns.find((c) => c.id === leaf.column);
    if (!column) return { code: "unknown-question", at: ["column"], message: `table "${question.id}" has no column "${leaf.column}"` };
    target = column;
    name = `column "${leaf.column}" of "${question.id}" (${column.type})`;
  }
  if (!("value" in leaf)) return null;

  const expected = valueKind[target.type];
  const allowed = expected ? opsFor[expected] : [];
  if (!allowed.includes(leaf.op)) {
    return { code: "type-mismatch", at: ["op"], message: `op "${leaf.op}" cannot be used on ${name}; use one of: ${[...allowed, "answered", "not_answered"].join(", ")}` };
  }
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  for (const value of values) {
    const ok =
      expected === "boolean"
        ? typeof value === "boolean"
        : expected === "number"
          ? typeof value === "number"
          : expected === "date"
            ? typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
            : typeof value === "string";
    if (!ok) {
      return { code: "type-mismatch", at: ["value"], message: `${JSON.stringify(value)} is not a ${expected === "date" ? "date (YYYY-MM-DD)" : expected} value for ${name}` };
    }
    if (target.choices && !target.choices.some((c) => c.value === value)) {
      return { code: "type-mismatch", at: ["value"], message: `${name} has no choice ${JSON.stringify(value)}` };
    }
  }
  return null;
}

type ValueKind = "string" | "strings" | "boolean" | "number" | "date" | "none";
const valueKind: Record<string, ValueKind> = {
  single: "string",
  country: "string",
  text: "string",
  longtext: "string",
  url: "string",
  rowref: "string",
  multi: "strings",
  countries: "strings",
  bool: "boolean",
  number: "number",
  date: "date",
  file: "none",
  table: "none",
};
const opsFor: Record<ValueKind, string[]> = {
  string: ["eq", "neq", "in", "nin"],
  strings: ["includes", "includes_any", "includes_all"],
  boolean: ["eq", "neq"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin"],
  date: ["eq", "neq", "gt", "gte", "lt", "lte"],
  none: [],
};

interface TextAt {
  key: string;
  text: LocalizedText;
  path: PathSegment[];
}

function* localizedTexts(file: QuestionnaireFile): Generator<TextAt> {
  yield { key: "title", text: file.title, path: ["title"] };
  if (file.description) yield { key: "description", text: file.description, path: ["description"] };
  for (const [s, section] of file.sections.entries()) {
    const sp: PathSegment[] = ["sections", s];
    yield { key: `${section.id}.title`, text: section.title, path: [...sp, "title"] };
    if (section.help) yield { key: `${section.id}.help`, text: section.help, path: [...sp, "help"] };
    for (const [j, q] of section.questions.entries()) {
      const qp: PathSegment[] = [...sp, "questions", j];
      yield { key: `${q.id}.text`, text: q.text, path: [...qp, "text"] };
      if (q.help) yield { key: `${q.id}.help`, text: q.help, path: [...qp, "help"] };
      if ("choices" in q) yield* choiceTexts(q.choices, `${q.id}.choice`, [...qp, "choices"]);
      if (q.type === "table") {
        for (const [c, column] of q.columns.entries()) {
          const cp: PathSegment[] = [...qp, "columns", c];
          yield { key: `${q.id}.column.${column.id}`, text: column.label, path: [...cp, "label"] };
          if (column.help) yield { key: `${q.id}.column.${column.id}.help`, text: column.help, path: [...cp, "help"] };
          if ("choices" in column) yield* choiceTexts(column.choices, `${q.id}.column.${column.id}.choice`, [...cp, "choices"]);
        }
      }
      for (const [f, flag] of q.flags.entries()) {
        yield { key: `${q.id}.flag.${flag.id ?? f + 1}`, text: flag.text, path: [...qp, "flags", f, "text"] };
      }
    }
  }
}

function* choiceTexts(choices: { value: string; label: LocalizedText; help?: LocalizedText }[], prefix: string, path: PathSegment[]): Generator<TextAt> {
  for (const [i, choice] of choices.entries()) {
    yield { key: `${prefix}.${choice.value}`, text: choice.label, path: [...path, i, "label"] };
    if (choice.help) yield { key: `${prefix}.${choice.value}.help`, text: choice.help, path: [...path, i, "help"] };
  }
}

/** Adds the run-time rules: section visibility folded in, hidden questions read as unanswered. */
function resolve(file: QuestionnaireFile, index: Map<string, Indexed>): Omit<Questionnaire, "hash" | "fileName" | "missingTranslations"> {
  const visibleCache = new Map<string, Rule>();
  const sectionVisible = file.sections.map(() => undefined as Rule | undefined);

  const sectionRule = (s: number): Rule => {
    const cached = sectionVisible[s];
    if (cached !== undefined) return cached;
    const condition = file.sections[s]!.visible_if;
    const rule = condition ? expand(condition) : true;
    sectionVisible[s] = rule;
    return rule;
  };
  const questionRule = (id: string): Rule => {
    const cached = visibleCache.get(id);
    if (cached !== undefined) return cached;
    const entry = index.get(id)!;
    const own = entry.question.visible_if;
    const rule = and(sectionRule(entry.sectionIndex), own ? expand(own) : true);
    visibleCache.set(id, rule);
    return rule;
  };
  function expand(condition: Condition): Condition {
    if ("all" in condition) return { all: condition.all.map(expand) };
    if ("any" in condition) return { any: condition.any.map(expand) };
    if ("not" in condition) return { not: expand(condition.not) };
    const visible = questionRule(condition.q);
    if (visible === true) return condition;
    if (visible === false) return condition.op === "not_answered" ? { any: [] } : { all: [] };
    return condition.op === "not_answered" ? { any: [{ not: visible }, condition] } : { all: [visible, condition] };
  }

  const sections: Section[] = file.sections.map((section, s) => ({
    ...section,
    effective: { visible: sectionRule(s) },
    questions: section.questions.map((question): Question => {
      const visible = questionRule(question.id);
      const flags: Flag[] = question.flags.map((flag, f) => ({
        ...flag,
        id: `${question.id}#${flag.id ?? f + 1}`,
        questionId: question.id,
        effectiveWhen: toCondition(and(visible, expand(flag.when))),
      }));
      const columns =
        question.type === "table"
          ? question.columns.map((column) => {
              if (column.type !== "rowref") return column;
              const target = index.get(column.table)?.question;
              return { ...column, table_key: target?.type === "table" ? (target.key_column ?? "") : "" };
            })
          : undefined;
      return {
        ...question,
        ...(columns ? { columns } : {}),
        sectionId: section.id,
        flags,
        effective: {
          visible,
          required: question.required ? true : question.required_if ? expand(question.required_if) : false,
          naAllowed: question.na_allowed ? true : question.na_allowed_if ? expand(question.na_allowed_if) : false,
        },
      } as Question;
    }),
  }));
  return { ...file, sections };
}

function and(a: Rule, b: Rule): Rule {
  if (a === true) return b;
  if (b === true) return a;
  if (a === false || b === false) return false;
  return { all: [a, b] };
}

function toCondition(rule: Rule): Condition {
  return rule === true ? { all: [] } : rule === false ? { any: [] } : rule;
}
