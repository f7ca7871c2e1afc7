import { describe, expect, it } from "vitest";
import type { Answers } from "~/questionnaire/answers";
import { isAnswered, isRequired, isVisible, naAllowed } from "~/questionnaire/visibility";
import { question, section } from "./demo";

const yes = { value: true };

describe("visibility", () => {
  it("shows a follow-up only once its trigger has a matching answer", () => {
    const notice = question("hosting.pinning_notice");
    expect(isVisible(notice, {})).toBe(false);
    expect(isVisible(notice, { "hosting.pinning": { value: "none" } })).toBe(false);
    expect(isVisible(notice, { "hosting.pinning": { value: "setting" } })).toBe(true);
  });

  it("shows a question when a countries answer includes any of the listed countries", () => {
    const province = question("hosting.province");
    expect(isVisible(province, { "hosting.countries": { value: ["DE", "FR"] } })).toBe(false);
    expect(isVisible(province, { "hosting.countries": { value: ["DE", "CA"] } })).toBe(true);
  });

  it("hides every question of a section whose own condition does not hold", () => {
    const audit = question("history.last_audit");
    expect(isVisible(section("history"), {})).toBe(false);
    expect(isVisible(audit, {})).toBe(false);
    expect(isVisible(audit, { "partners.uses_partners": { value: false } })).toBe(true);
  });

  it("treats the answer to a hidden question as no answer", () => {
    const sites = question("partners.sites");
    const answers: Answers = {
      "partners.uses_partners": { value: false },
      "partners.register": { value: [{ key: "aws", legal_name: "AWS EMEA SARL", country: "LU" }] },
    };
    expect(isVisible(sites, answers)).toBe(false);
    expect(isVisible(sites, { ...answers, "partners.uses_partners": yes })).toBe(true);
  });

  it("compares dates in conditions", () => {
    const url = question("history.report_url");
    const base: Answers = { "partners.uses_partners": yes };
    expect(isVisible(url, { ...base, "history.last_audit": { value: "2023-12-31" } })).toBe(false);
    expect(isVisible(url, { ...base, "history.last_audit": { value: "2024-01-01" } })).toBe(true);
  });

  it("negates a condition with not", () => {
    const details = question("history.details");
    const base: Answers = { "partners.uses_partners": yes };
    expect(isVisible(details, base)).toBe(false);
    expect(isVisible(details, { ...base, "history.summary": { value: "Clean" } })).toBe(true);
  });
});

describe("required-ness", () => {
  it("requires a question only when its required_if holds", () => {
    const notice = question("hosting.pinning_notice");
    expect(isRequired(notice, { "hosting.pinning": { value: "setting" } })).toBe(false);
    expect(isRequired(notice, { "hosting.pinning": { value: "contract" } })).toBe(true);
  });

  it("never requires a hidden question, even one marked required", () => {
    expect(isRequired(question("history.last_audit"), {})).toBe(false);
    expect(isRequired(question("history.last_audit"), { "partners.uses_partners": yes })).toBe(true);
  });
});

describe("not applicable", () => {
  it("allows N/A where na_allowed_if holds", () => {
    const audit = question("history.last_audit");
    expect(naAllowed(audit, { "partners.uses_partners": yes })).toBe(false);
    expect(naAllowed(audit, { "partners.uses_partners": { value: false } })).toBe(true);
  });

  it("counts N/A with a reason as answered only where N/A is allowed", () => {
    const audit = question("history.last_audit");
    const na = { value: null, naReason: "No partners, so no partner audit" };
    expect(isAnswered(audit, { "partners.uses_partners": { value: false }, "history.last_audit": na })).toBe(true);
    expect(isAnswered(audit, { "partners.uses_partners": yes, "history.last_audit": na })).toBe(false);
    expect(isAnswered(question("hosting.backups_encrypted"), { "hosting.backups_encrypted": { value: null, naReason: " " } })).toBe(false);
  });
});
