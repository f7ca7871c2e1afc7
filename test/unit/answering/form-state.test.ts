import { describe, expect, it } from "vitest";
import { displayAnswer } from "~/answering/display";
import { answerFingerprint, blankAnswerFingerprint } from "~/answering/fingerprint";
import { collectRawInput, errorsAtRowPositions, fieldId, questionIdOf, toRawInput } from "~/answering/form-state";
import { readSectionForm } from "~/questionnaire/input";
import { question, section } from "../questionnaire/demo";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("answer fingerprints", () => {
  it("are equal for equal answers, whatever the order of a choice list", () => {
    expect(answerFingerprint({ value: ["DE", "FR"], naReason: null })).toBe(answerFingerprint({ value: ["FR", "DE"] }));
    expect(answerFingerprint({ value: 30, naReason: null })).not.toBe(answerFingerprint({ value: 31, naReason: null }));
  });

  it("treat a blank answer, an empty list and no answer alike, and N/A reasons by their text", () => {
    expect(answerFingerprint(undefined)).toBe(blankAnswerFingerprint);
    expect(answerFingerprint({ value: [], naReason: null })).toBe(blankAnswerFingerprint);
    expect(answerFingerprint({ value: null, naReason: " We keep no backups " })).toBe(answerFingerprint({ value: null, naReason: "We keep no backups" }));
    expect(answerFingerprint({ value: null, naReason: "We keep no backups" })).not.toBe(blankAnswerFingerprint);
  });

  it("keep the order of table rows", () => {
    const a = { key: "a" };
    const b = { key: "b" };
    expect(answerFingerprint({ value: [a, b] })).not.toBe(answerFingerprint({ value: [b, a] }));
  });
});

describe("section form state", () => {
  it("finds the question of any field name", () => {
    expect(questionIdOf("partners.register[3].country")).toBe("partners.register");
    expect(questionIdOf("hosting.backups_encrypted.na_reason")).toBe("hosting.backups_encrypted");
    expect(questionIdOf("hosting.pinning.revision")).toBe("hosting.pinning");
    expect(questionIdOf("intent")).toBeNull();
  });

  it("gives every field name a distinct element id", () => {
    expect(fieldId("partners.register[1].country")).toBe("f-partners-register-1-country");
    expect(fieldId("hosting.features", "rls")).toBe("f-hosting-features--rls");
    expect(fieldId("hosting.pinning")).not.toBe(fieldId("hosting.pinning.na"));
  });

  it("collects raw input with blank rows kept in place, ignoring control fields", () => {
    const raw = collectRawInput(
      section("partners"),
      form([
        ["partners.uses_partners", "yes"],
        ["partners.uses_partners.revision", "3"],
        ["partners.register[0].key", "aws"],
        ["partners.register[1].key", ""],
        ["partners.register[2].key", "zen"],
        ["partners.register[2].regions", "DE"],
        ["partners.register[2].regions", "IE"],
        ["intent", "save"],
      ]),
    );
    expect(raw).toEqual({
      "partners.uses_partners": { value: "yes" },
      "partners.register": { rows: [{ key: "aws" }, { key: "" }, { key: "zen", regions: ["DE", "IE"] }] },
    });
  });

  it("moves a cell error to the row as the page shows it", () => {
    const data = form([
      ["partners.uses_partners", "yes"],
      ["partners.register[0].key", "aws"],
      ["partners.register[0].legal_name", "AWS EMEA SARL"],
      ["partners.register[0].country", "LU"],
      ["partners.register[1].key", ""],
      ["partners.register[2].key", "zen"],
      ["partners.register[2].legal_name", "Zendesk Inc."],
      ["partners.register[2].country", "XX"],
    ]);
    const read = readSectionForm(section("partners"), data, {});
    expect(read.errors.map((e) => e.field)).toEqual(["partners.register[1].country"]);
    const moved = errorsAtRowPositions(read.errors, collectRawInput(section("partners"), data));
    expect(moved.map((e) => e.field)).toEqual(["partners.register[2].country"]);
  });

  it("shows a stored answer as the form holds it", () => {
    expect(toRawInput(question("hosting.pinning_notice"), { value: 30, naReason: null })).toEqual({ value: "30" });
    expect(toRawInput(question("hosting.backups_encrypted"), { value: true })).toEqual({ value: "yes" });
    expect(toRawInput(question("hosting.backups_encrypted"), { value: null, naReason: "No backups" })).toEqual({ na: "on", naReason: "No backups" });
    expect(toRawInput(question("hosting.countries"), { value: ["DE", "CA"] })).toEqual({ value: ["DE", "CA"] });
    expect(toRawInput(question("partners.register"), { value: [{ key: "aws", regions: ["DE"] }] })).toEqual({ rows: [{ key: "aws", regions: ["DE"] }] });
  });

  it("round-trips: a stored answer shown in the form reads back as the same answer", () => {
    const stored = {
      "hosting.countries": { value: ["DE", "CA"], naReason: null },
      "hosting.pinning": { value: "contract", naReason: null },
      "hosting.pinning_notice": { value: 30, naReason: null },
    };
    const data = new FormData();
    for (const [id, answer] of Object.entries(stored)) {
      const raw = toRawInput(question(id), answer);
      for (const v of Array.isArray(raw.value) ? raw.value : [raw.value ?? ""]) data.append(id, v);
    }
    const read = readSectionForm(section("hosting"), data, stored);
    for (const [id, answer] of Object.entries(stored)) expect(answerFingerprint(read.answers[id])).toBe(answerFingerprint(answer));
  });
});

describe("printed answers", () => {
  it("prints choices by label, countries by name, numbers with their unit, and N/A with its reason", () => {
    const context = { answers: {}, vendorLabel: "Acme (the vendor)" };
    expect(displayAnswer(question("hosting.countries"), { value: ["DE", "CA"] }, context)).toEqual({ kind: "list", items: ["Germany (DE)", "Canada (CA)"] });
    expect(displayAnswer(question("hosting.pinning_notice"), { value: 1500 }, context)).toEqual({ kind: "text", text: "1,500 days" });
    expect(displayAnswer(question("hosting.backups_encrypted"), { value: false }, context)).toEqual({ kind: "text", text: "No" });
    expect(displayAnswer(question("hosting.backups_encrypted"), { value: null, naReason: "No backups" }, context)).toEqual({ kind: "not-applicable", reason: "No backups" });
    expect(displayAnswer(question("hosting.backups_encrypted"), undefined, context)).toEqual({ kind: "unanswered" });
  });
});
