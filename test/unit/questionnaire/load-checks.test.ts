import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runQuestionnairesCheck } from "~/cli/questionnaires-check";
import { parseQuestionnaire } from "~/questionnaire/parse";
import { fixturesDir } from "./demo";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const check = (...files: string[]) => runQuestionnairesCheck(files.map((f) => path.join(fixturesDir, f)), repoRoot);
const fixture = (name: string) => path.relative(repoRoot, path.join(fixturesDir, name));

describe("questionnaires:check", () => {
  it.each([
    ["an unknown question in a condition", "invalid/unknown-question-1.0.0.yaml", 17, "unknown-question", 'refers to unknown question "s1.uses_partner"'],
    ["a condition whose value does not fit the question's type", "invalid/type-mismatch-1.0.0.yaml", 17, "type-mismatch", '"yes" is not a boolean value'],
    ["a condition on a later question", "invalid/forward-reference-1.0.0.yaml", 17, "forward-reference", 'refers to "s1.partner_count", which comes after'],
    ["a question whose visibility depends on itself", "invalid/cycle-1.0.0.yaml", 17, "cycle", "conditions form a cycle: s1.partner_names → s1.partner_names"],
    ["a question id used twice", "invalid/duplicate-id-1.0.0.yaml", 14, "duplicate-id", 'question id "s1.uses_partners" is already used'],
    ["a text without English", "invalid/missing-english-1.0.0.yaml", 16, "missing-english", "English text is required"],
    ["a control reference missing from the catalogue", "invalid/unknown-reference-1.0.0.yaml", 17, "unknown-reference", '"caiq:IVS-06.9" is not in the control reference catalogue'],
    ["a misspelt key", "invalid/schema-1.0.0.yaml", 14, "schema", 'Unrecognized key: "visble_if"'],
    ["broken YAML", "invalid/syntax-1.0.0.yaml", 7, "syntax", "YAML syntax"],
    ["a published file missing text in a complete locale", "invalid/missing-translation-1.0.0.yaml", 13, "missing-translation", 'no "de" text for s1.uses_partners.text'],
    ["a file not named after its id and version", "invalid/named-wrongly-1.0.0.yaml", 2, "file-name", "must be named wrong-name-1.0.0.yaml"],
    ["missing_risk on a single choice", "invalid/missing-risk-single-1.0.0.yaml", 16, "schema", "missing_risk only applies to a multi question's choices"],
    ["missing_risk on an exclusive choice", "invalid/missing-risk-exclusive-1.0.0.yaml", 17, "schema", 'the exclusive choice "none" cannot carry missing_risk'],
    ["yes/no risk points above 100", "invalid/bool-risk-range-1.0.0.yaml", 17, "schema", "risk.no: must be 0 to 100"],
  ])("exits non-zero on %s and prints file:line", (_, file, line, kind, message) => {
    const result = check(file);
    expect(result.exitCode).toBe(1);
    const lines = result.stderr.split("\n");
    const hit = lines.find((l) => l.startsWith(`${fixture(file)}:${line}: `) && l.includes(message));
    expect(hit, result.stderr).toBeDefined();
    expect(hit).toContain(`[${kind}]`);
  });

  it("exits non-zero when two files define the same id and version", () => {
    const result = check("versions/stable-1.0.0.yaml", "versions/stable-copy.yaml");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${fixture("versions/stable-copy.yaml")}:3: version: stable 1.0.0 is also defined in`);
  });

  it("exits non-zero when a minor version changes a question's type", () => {
    const result = check("versions/stable-1.0.0.yaml", "versions/stable-1.1.0.yaml");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${fixture("versions/stable-1.1.0.yaml")}:11: s1.uses_partners: "s1.uses_partners" was bool in 1.0.0 and is text here`);
  });

  it("passes valid files and lists the missing keys of a partial locale without failing", () => {
    const result = check("valid/demo-1.0.0.yaml", "valid/demo-1.1.0.yaml");
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("missing translations (de, partial locale): 41");
    expect(result.stdout).toContain(`${fixture("valid/demo-1.0.0.yaml")}:16: hosting.countries.text`);
  });

  it("checks the questionnaires shipped in questionnaires/", () => {
    const result = runQuestionnairesCheck([], repoRoot);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ok questionnaires\/hosted-crm-1\.0\.0\.yaml: hosted-crm 1\.0\.0 \(published\)/m);
  });

  it("runs as npm's questionnaires:check command with an exit status", () => {
    const tsx = path.join(repoRoot, "node_modules/.bin/tsx");
    const cli = path.join(repoRoot, "app/cli/questionnaires-check.ts");
    const ok = execFileSync(tsx, [cli, fixture("valid")], { cwd: repoRoot, encoding: "utf8" });
    expect(ok).toContain("ok test/fixtures/questionnaires/valid/demo-1.0.0.yaml");
    const failed = spawnSync(tsx, [cli, fixture("invalid/cycle-1.0.0.yaml")], { cwd: repoRoot, encoding: "utf8" });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("cycle-1.0.0.yaml:17:");
  }, 30_000);
});

describe("parseQuestionnaire", () => {
  const base = (body: string) => `schema: ddq/v1
id: t
version: 1.0.0
status: draft
locales: [en]
title: { en: T }
sections:
  - id: a
    title: { en: A }
    questions:
${body}`;

  it("reports the line of the question a zod issue points into", () => {
    const result = parseQuestionnaire(
      base(`      - id: a.one
        type: number
        text: { en: How many? }
      - id: a.two
        type: number
        unit: days
        min: "three"
        text: { en: How long? }
`),
      "t-1.0.0.yaml",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ file: "t-1.0.0.yaml", path: "sections[0].questions[0].unit", line: 11, code: "schema" }),
      expect.objectContaining({ path: "sections[0].questions[1].min", line: 17, code: "schema" }),
    ]);
  });

  it("reports a cycle through a section that depends on its own question", () => {
    const text = `schema: ddq/v1
id: t
version: 1.0.0
status: draft
locales: [en]
title: { en: T }
sections:
  - id: a
    title: { en: A }
    visible_if: { q: a.one, op: answered }
    questions:
      - { id: a.one, type: bool, text: { en: One? } }
`;
    const result = parseQuestionnaire(text, "t.yaml");
    expect(!result.ok && result.errors.map((e) => [e.code, e.line, e.message])).toEqual([
      ["cycle", 10, "conditions form a cycle: a → a.one → a"],
    ]);
  });

  it("reports a cycle between two questions as well as the forward reference that makes it", () => {
    const result = parseQuestionnaire(
      base(`      - { id: a.one, type: bool, text: { en: One? }, visible_if: { q: a.two, op: eq, value: true } }
      - { id: a.two, type: bool, text: { en: Two? }, visible_if: { q: a.one, op: eq, value: true } }
`),
      "t.yaml",
    );
    expect(!result.ok && result.errors.map((e) => e.code).sort()).toEqual(["cycle", "forward-reference"]);
  });

  it.each([
    ["an op that does not fit the type", `{ q: a.choice, op: gt, value: 1 }`, 'op "gt" cannot be used on "a.choice" (single)'],
    ["a choice the question does not offer", `{ q: a.choice, op: eq, value: maybe }`, '"a.choice" (single) has no choice "maybe"'],
    ["a column on a question that is not a table", `{ q: a.choice, column: x, op: answered }`, "is not a table"],
    ["a date comparison with a malformed date", `{ q: a.when, op: gt, value: "2024" }`, "is not a date (YYYY-MM-DD) value"],
  ])("rejects %s as a type mismatch", (_, condition, message) => {
    const result = parseQuestionnaire(
      base(`      - id: a.choice
        type: single
        text: { en: Choose }
        choices: [{ value: yes, label: { en: Yes } }, { value: no, label: { en: No } }]
      - { id: a.when, type: date, text: { en: When? } }
      - { id: a.follow, type: text, text: { en: Why? }, visible_if: ${condition} }
`),
      "t.yaml",
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ code: "type-mismatch", line: 16 });
    expect(!result.ok && result.errors[0]?.message).toContain(message);
  });

  it("rejects a text in a locale the file does not declare", () => {
    const result = parseQuestionnaire(base(`      - { id: a.one, type: bool, text: { en: One?, fr: Un ? } }\n`), "t.yaml");
    expect(!result.ok && result.errors[0]).toMatchObject({ code: "unknown-locale", line: 11, path: "sections[0].questions[0].text.fr" });
  });

  it("lists missing translations of a draft without failing it", () => {
    const result = parseQuestionnaire(base(`      - { id: a.one, type: bool, text: { en: One? } }\n`).replace("locales: [en]", "locales: [en, de]"), "t.yaml");
    expect(result.ok && result.questionnaire.missingTranslations).toEqual([
      { locale: "de", key: "title", line: 6 },
      { locale: "de", key: "a.title", line: 9 },
      { locale: "de", key: "a.one.text", line: 11 },
    ]);
  });

  it("rejects a table row reference to a table that is not keyed", () => {
    const result = parseQuestionnaire(
      base(`      - id: a.parties
        type: table
        text: { en: Parties }
        columns: [{ id: name, type: text, label: { en: Name } }]
      - id: a.sites
        type: table
        text: { en: Sites }
        columns: [{ id: party, type: rowref, table: a.parties, label: { en: Party } }]
`),
      "t.yaml",
    );
    expect(!result.ok && result.errors[0]).toMatchObject({ code: "type-mismatch", line: 18 });
  });

  describe("risk points for yes/no and for controls not ticked", () => {
    const controls = (choices: string) => `      - id: a.mfa
        type: multi
        text: { en: Which strong authentication do you enforce? }
        choices:
${choices}
`;

    it("reads risk for yes and no on a yes/no question, and missing_risk on a multi choice", () => {
      const result = parseQuestionnaire(
        base(`      - { id: a.plan, type: bool, text: { en: Plan? }, risk: { yes: 0, no: 100 } }
${controls(`          - { value: staff, label: { en: MFA for staff }, missing_risk: 60 }
          - { value: admins, label: { en: Phishing-resistant MFA }, missing_risk: 25 }
          - { value: none, label: { en: None of these }, exclusive: true, risk: 100 }`)}`),
        "t.yaml",
      );
      expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
      const [plan, mfa] = result.ok ? result.questionnaire.sections[0]!.questions : [];
      expect(plan?.type === "bool" && plan.risk).toEqual({ yes: 0, no: 100 });
      expect(mfa?.type === "multi" && mfa.choices.map((c) => c.missing_risk)).toEqual([60, 25, undefined]);
    });

    it.each([
      ["a yes/no risk without points for no", `      - { id: a.plan, type: bool, text: { en: Plan? }, risk: { yes: 0 } }
`, "sections[0].questions[0].risk.no", /number/],
      ["risk on a question type that has no answer to rate", `      - { id: a.why, type: text, text: { en: Why? }, risk: { yes: 0, no: 50 } }
`, "sections[0].questions[0]", /Unrecognized key: "risk"/],
      ["negative missing_risk", controls(`          - { value: staff, label: { en: Staff }, missing_risk: -5 }
          - { value: admins, label: { en: Admins } }`), "sections[0].questions[0].choices[0].missing_risk", /must be 0 to 100/],
      ["a choice with both risk and missing_risk", controls(`          - { value: staff, label: { en: Staff }, risk: 10, missing_risk: 50 }
          - { value: admins, label: { en: Admins } }`), "sections[0].questions[0].choices[0].missing_risk", /has both risk \(when ticked\) and missing_risk/],
      [
        "missing_risk in a table column",
        `      - id: a.parties
        type: table
        text: { en: Parties }
        columns:
          - id: controls
            type: multi
            label: { en: Controls }
            choices: [{ value: dpa, label: { en: DPA }, missing_risk: 50 }, { value: audit, label: { en: Audit } }]
`,
        "sections[0].questions[0].columns[0].choices[0].missing_risk",
        /not to a table column/,
      ],
    ])("rejects %s, naming the field", (_, body, errorPath, message) => {
      const result = parseQuestionnaire(base(body), "t.yaml");
      expect(result.ok).toBe(false);
      const error = !result.ok ? result.errors.find((e) => e.path === errorPath) : undefined;
      expect(error, JSON.stringify(!result.ok && result.errors)).toMatchObject({ code: "schema", line: expect.any(Number) });
      expect(error?.message).toMatch(message);
    });
  });

  it("requires a question id to start with its section id", () => {
    const result = parseQuestionnaire(base(`      - { id: b.one, type: bool, text: { en: One? } }\n`), "t.yaml");
    expect(!result.ok && result.errors[0]?.message).toBe('question id "b.one" must start with its section id "a."');
  });
});
