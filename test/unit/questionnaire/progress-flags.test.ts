import { describe, expect, it } from "vitest";
import type { Answers } from "~/questionnaire/answers";
import { evaluateFlags } from "~/questionnaire/flags";
import { sectionProgress } from "~/questionnaire/progress";
import { demo } from "./demo";

describe("sectionProgress", () => {
  it("starts with every visible section not started and counts only visible questions", () => {
    const { sections, total } = sectionProgress(demo, {});
    expect(sections).toEqual([
      { sectionId: "hosting", answered: 0, required: 2, requiredAnswered: 0, remaining: 2, status: "not-started" },
      { sectionId: "partners", answered: 0, required: 1, requiredAnswered: 0, remaining: 1, status: "not-started" },
    ]);
    expect(total).toEqual({ answered: 0, required: 3, requiredAnswered: 0, remaining: 3, status: "not-started" });
  });

  it("counts follow-ups that answers reveal and marks sections in progress or completed", () => {
    const answers: Answers = {
      "hosting.countries": { value: ["DE"] },
      "hosting.pinning": { value: "contract" },
      "hosting.backups_encrypted": { value: null, naReason: "No backups kept" },
      "partners.uses_partners": { value: false },
      "history.last_audit": { value: null, naReason: "No partners to audit" },
    };
    const { sections, total } = sectionProgress(demo, answers);
    expect(sections).toEqual([
      { sectionId: "hosting", answered: 3, required: 3, requiredAnswered: 2, remaining: 1, status: "in-progress" },
      { sectionId: "partners", answered: 1, required: 1, requiredAnswered: 1, remaining: 0, status: "completed" },
      { sectionId: "history", answered: 1, required: 1, requiredAnswered: 1, remaining: 0, status: "completed" },
    ]);
    expect(total).toMatchObject({ answered: 5, required: 5, requiredAnswered: 4, remaining: 1, status: "in-progress" });
  });
});

describe("evaluateFlags", () => {
  it("raises the flags whose conditions hold, with severity, knockout, text and question", () => {
    const flags = evaluateFlags(demo, {
      "hosting.pinning": { value: "none" },
      "hosting.backups_encrypted": { value: false },
    });
    expect(flags).toEqual([
      { id: "hosting.pinning#no-pinning", questionId: "hosting.pinning", severity: "high", knockout: false, text: { en: "Residency cannot be enforced." } },
      {
        id: "hosting.backups_encrypted#clear-backups",
        questionId: "hosting.backups_encrypted",
        severity: "critical",
        knockout: true,
        text: { en: "Backups are stored in clear text." },
      },
    ]);
  });

  it("raises a flag on a table when any row matches the column condition", () => {
    const register = [
      { key: "aws", legal_name: "AWS", country: "LU", own_use: false },
      { key: "ads", legal_name: "AdNet Ltd", country: "GB", own_use: true },
    ];
    const answers: Answers = { "partners.uses_partners": { value: true }, "partners.register": { value: register } };
    expect(evaluateFlags(demo, answers).map((f) => f.id)).toEqual(["partners.register#own-use"]);
  });

  it("never raises a flag from the stale answer of a hidden question", () => {
    const answers: Answers = {
      "partners.uses_partners": { value: false },
      "partners.register": { value: [{ key: "ads", legal_name: "AdNet Ltd", country: "GB", own_use: true }] },
    };
    expect(evaluateFlags(demo, answers)).toEqual([]);
  });
});
