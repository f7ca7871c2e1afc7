import { describe, expect, it } from "vitest";
import { readSectionForm } from "~/questionnaire/input";
import { section } from "./demo";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("readSectionForm", () => {
  it("reads a whole section from a plain form submission", () => {
    const result = readSectionForm(
      section("hosting"),
      form([
        ["hosting.countries", "DE"],
        ["hosting.countries", "CA"],
        ["hosting.pinning", "contract"],
        ["hosting.pinning_notice", "30"],
        ["hosting.province", "CA-QC"],
        ["hosting.backups_encrypted.na", "on"],
        ["hosting.backups_encrypted.na_reason", "We keep no backups"],
        ["hosting.features", "rls"],
        ["hosting.features", "keys"],
      ]),
      {},
    );
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.answers).toEqual({
      "hosting.countries": { value: ["DE", "CA"], naReason: null },
      "hosting.pinning": { value: "contract", naReason: null },
      "hosting.pinning_notice": { value: 30, naReason: null },
      "hosting.province": { value: "CA-QC", naReason: null },
      "hosting.backups_encrypted": { value: null, naReason: "We keep no backups" },
      "hosting.features": { value: ["rls", "keys"], naReason: null },
    });
  });

  it("keeps the valid answers of a submission when another answer is invalid", () => {
    const result = readSectionForm(
      section("hosting"),
      form([
        ["hosting.countries", "de"],
        ["hosting.pinning", "none"],
        ["hosting.backups_encrypted", "yes"],
      ]),
      {},
    );
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { questionId: "hosting.countries", field: "hosting.countries", message: 'Write country codes in upper case ("DE")' },
    ]);
    expect(result.answers["hosting.pinning"]).toEqual({ value: "none", naReason: null });
    expect(result.answers["hosting.backups_encrypted"]).toEqual({ value: true, naReason: null });
    expect(result.submitted["hosting.countries"]).toEqual({ value: "de" });
  });

  it("reads table rows from indexed field names and reports cell errors by field name", () => {
    const result = readSectionForm(
      section("partners"),
      form([
        ["partners.uses_partners", "yes"],
        ["partners.register[0].key", "aws"],
        ["partners.register[0].legal_name", "AWS EMEA SARL"],
        ["partners.register[0].country", "LU"],
        ["partners.register[0].regions", "DE"],
        ["partners.register[0].regions", "IE"],
        ["partners.register[1].key", ""],
        ["partners.register[1].legal_name", ""],
        ["partners.register[2].key", "zen"],
        ["partners.register[2].legal_name", "Zendesk Inc."],
        ["partners.register[2].country", "XX"],
      ]),
      {},
    );
    expect(result.answers["partners.uses_partners"]).toEqual({ value: true, naReason: null });
    expect(result.errors).toEqual([
      { questionId: "partners.register", field: "partners.register[1].country", message: 'Row 2, "Country": "XX" is not an ISO 3166-1 country code' },
    ]);
    expect(result.submitted["partners.register"]?.rows).toHaveLength(2);
  });

  it("links an N/A reason error to the reason field", () => {
    const result = readSectionForm(section("hosting"), form([["hosting.backups_encrypted.na", "on"]]), {});
    expect(result.errors).toEqual([
      { questionId: "hosting.backups_encrypted", field: "hosting.backups_encrypted.na_reason", message: "Say why this question does not apply" },
    ]);
  });

  it("treats a blank optional field as no answer, clearing an earlier one", () => {
    const result = readSectionForm(section("hosting"), form([["hosting.pinning", ""]]), { "hosting.pinning": { value: "none" } });
    expect(result.answers["hosting.pinning"]).toEqual({ value: null, naReason: null });
  });

  it("reports blank required questions only when asked to", () => {
    const partial = readSectionForm(section("hosting"), form([]), {});
    expect(partial.ok).toBe(true);
    const final = readSectionForm(section("hosting"), form([]), {}, { requireAnswers: true });
    expect(final.errors.map((e) => [e.field, e.message])).toEqual([
      ["hosting.countries", "Answer this question"],
      ["hosting.pinning", "Answer this question"],
    ]);
  });

  it("ignores fields of questions that the submission itself hides", () => {
    const result = readSectionForm(
      section("hosting"),
      form([
        ["hosting.pinning", "none"],
        ["hosting.pinning_notice", "30"],
      ]),
      { "hosting.pinning": { value: "contract" } },
    );
    expect(result.answers["hosting.pinning_notice"]).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  it("reads a follow-up that this submission reveals only if the form carried it", () => {
    const absent = readSectionForm(section("hosting"), form([["hosting.pinning", "contract"]]), {});
    expect(absent.answers["hosting.pinning_notice"]).toBeUndefined();
    const present = readSectionForm(section("hosting"), form([["hosting.pinning", "contract"], ["hosting.pinning_notice", "14"]]), {});
    expect(present.answers["hosting.pinning_notice"]).toEqual({ value: 14, naReason: null });
  });

  it("refuses an upload that reached it as a file rather than a stored evidence id", () => {
    const data = form([["partners.uses_partners", "yes"]]);
    data.append("partners.contract", new File(["%PDF"], "contract.pdf", { type: "application/pdf" }));
    const result = readSectionForm(section("partners"), data, {
      "partners.register": { value: [{ key: "aws", legal_name: "AWS", country: "LU" }] },
    });
    expect(result.errors).toEqual([
      { questionId: "partners.contract", field: "partners.contract", message: "Upload the file again: the upload was not stored" },
    ]);
  });
});
