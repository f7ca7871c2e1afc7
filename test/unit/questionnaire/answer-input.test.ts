import { describe, expect, it } from "vitest";
import { parseAnswerInput } from "~/questionnaire/input";
import { question } from "./demo";

const ok = (id: string, raw: Parameters<typeof parseAnswerInput>[1], answers = {}) => {
  const result = parseAnswerInput(question(id), raw, answers);
  if (!result.ok) throw new Error(result.message);
  return result.answer;
};
const error = (id: string, raw: Parameters<typeof parseAnswerInput>[1], answers = {}) => {
  const result = parseAnswerInput(question(id), raw, answers);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(result.answer)}`);
  return result;
};

describe("parseAnswerInput", () => {
  it("reads a blank field as no answer", () => {
    expect(ok("hosting.pinning", "  ")).toEqual({ value: null, naReason: null });
    expect(ok("hosting.features", [])).toEqual({ value: null, naReason: null });
  });

  it("accepts a single choice from the list and rejects any other", () => {
    expect(ok("hosting.pinning", "setting").value).toBe("setting");
    expect(error("hosting.pinning", "maybe").message).toBe('"maybe" is not one of the options');
    expect(error("hosting.pinning", ["none", "setting"]).message).toBe("Choose one option");
  });

  it("accepts several choices and refuses an exclusive one combined with others", () => {
    expect(ok("hosting.features", ["rls", "keys", "rls"]).value).toEqual(["rls", "keys"]);
    expect(error("hosting.features", ["none", "rls"]).message).toBe('"None of these" cannot be combined with other options');
    expect(error("hosting.features", ["rls", "magic"]).message).toBe('"magic" is not one of the options');
  });

  it("reads yes and no as booleans", () => {
    expect(ok("hosting.backups_encrypted", "yes").value).toBe(true);
    expect(ok("hosting.backups_encrypted", "no").value).toBe(false);
    expect(error("hosting.backups_encrypted", "perhaps").message).toBe("Answer yes or no");
  });

  it("accepts ISO country codes, and subdivisions only where the question asks for them", () => {
    expect(ok("hosting.province", "CA-QC").value).toBe("CA-QC");
    expect(ok("hosting.province", "US-CA").value).toBe("US-CA");
    expect(ok("hosting.province", "DE").value).toBe("DE");
    expect(error("hosting.province", "CA-XX").message).toBe('"CA-XX" is not an ISO 3166-2 subdivision of CA');
    // Every country's subdivisions are known, not only those with privacy laws of their own.
    for (const code of ["DE-BY", "FR-75C", "GB-SCT", "IN-MH", "CN-BJ", "JP-13", "BR-SP"]) expect(ok("hosting.province", code).value).toBe(code);
    expect(error("hosting.province", "DE-ZZ").message).toBe('"DE-ZZ" is not an ISO 3166-2 subdivision of DE');
    expect(error("hosting.province", "AQ-01").message).toBe('"AQ-01" is not an ISO 3166-2 subdivision of AQ');
    expect(error("hosting.province", "XX").message).toBe('"XX" is not an ISO 3166-1 country code');
    expect(error("hosting.countries", ["DE", "CA-QC"]).message).toBe('"CA-QC" is a subdivision; this question asks for a country');
  });

  it("rejects lower-case country codes", () => {
    expect(error("hosting.countries", "de").message).toBe('Write country codes in upper case ("DE")');
  });

  it("reads a list of countries from repeated fields or from one field separated by commas", () => {
    expect(ok("hosting.countries", ["DE", "FR"]).value).toEqual(["DE", "FR"]);
    expect(ok("hosting.countries", "IE, NL  BE").value).toEqual(["IE", "NL", "BE"]);
  });

  it("checks a number against its unit's bounds and integrality", () => {
    expect(ok("hosting.pinning_notice", "30").value).toBe(30);
    expect(error("hosting.pinning_notice", "thirty").message).toBe("Enter a number (days), like 30");
    expect(error("hosting.pinning_notice", "2.5").message).toBe("Enter a whole number (days)");
    expect(error("hosting.pinning_notice", "400").message).toBe("Enter 365 days or less");
    expect(error("hosting.pinning_notice", "-1").message).toBe("Enter 0 days or more");
  });

  it("accepts real calendar dates only", () => {
    expect(ok("history.last_audit", "2024-02-29").value).toBe("2024-02-29");
    expect(error("history.last_audit", "2023-02-29").message).toBe("Enter a real date as YYYY-MM-DD, like 2026-03-31");
    expect(error("history.last_audit", "31/03/2026").message).toBe("Enter a real date as YYYY-MM-DD, like 2026-03-31");
  });

  it("accepts web addresses with http or https only", () => {
    expect(ok("history.report_url", "https://trust.example.com/soc2").value).toBe("https://trust.example.com/soc2");
    expect(error("history.report_url", "javascript:alert(1)").message).toBe("Enter a web address starting with https://");
    expect(error("history.report_url", "trust.example.com").message).toBe("Enter a web address starting with https://");
  });

  it("limits text to its maximum length", () => {
    expect(ok("history.summary", "  Clean audit  ").value).toBe("Clean audit");
    expect(error("history.summary", "x".repeat(61)).message).toBe("Keep this under 60 characters");
    expect(ok("history.details", "Line one\nLine two").value).toBe("Line one\nLine two");
  });

  it("takes stored evidence ids for a file question and limits their number", () => {
    expect(ok("partners.contract", ["ev_1", "ev_2"]).value).toEqual(["ev_1", "ev_2"]);
    expect(error("partners.contract", ["a", "b", "c"]).message).toBe("Attach at most 2 files");
    expect(error("partners.contract", "../etc/passwd").message).toBe("Upload the file again: the upload was not stored");
  });

  it("marks a question not applicable with a reason", () => {
    expect(ok("hosting.backups_encrypted", { na: "on", naReason: " We keep no backups " })).toEqual({ value: null, naReason: "We keep no backups" });
    expect(error("hosting.backups_encrypted", { na: "on", naReason: "" })).toEqual({
      ok: false,
      message: "Say why this question does not apply",
      fieldErrors: { na_reason: "Say why this question does not apply" },
    });
    expect(error("hosting.backups_encrypted", { na: "on", naReason: "None", value: "yes" }).message).toBe(
      "Give an answer or mark the question not applicable, not both",
    );
    expect(error("hosting.pinning", { na: "on", naReason: "n/a" }).message).toBe("This question cannot be marked not applicable");
  });

  it("allows N/A on a question whose na_allowed_if holds for the other answers", () => {
    const answers = { "partners.uses_partners": { value: false } };
    expect(ok("history.last_audit", { na: true, naReason: "No partners" }, answers).naReason).toBe("No partners");
    expect(error("history.last_audit", { na: true, naReason: "No partners" }, { "partners.uses_partners": { value: true } }).message).toBe(
      "This question cannot be marked not applicable",
    );
  });
});

describe("parseAnswerInput on a table", () => {
  const register = (rows: Record<string, string | string[]>[]) => parseAnswerInput(question("partners.register"), { rows });

  it("parses every cell by its column type and drops blank cells and rows", () => {
    const result = register([
      {
        key: "aws",
        legal_name: "Amazon Web Services EMEA SARL",
        country: "LU",
        regions: ["DE", "IE"],
        staff: "12",
        since: "2021-05-01",
        website: "https://aws.amazon.com",
        own_use: "no",
        role: "hosting",
        services: ["storage"],
      },
      { key: "", legal_name: " ", regions: [] },
      { key: "zen", legal_name: "Zendesk Inc.", country: "US-CA", engaged_by: "aws", staff: "" },
    ]);
    expect(result).toEqual({
      ok: true,
      answer: {
        naReason: null,
        value: [
          {
            key: "aws",
            legal_name: "Amazon Web Services EMEA SARL",
            country: "LU",
            regions: ["DE", "IE"],
            staff: 12,
            since: "2021-05-01",
            website: "https://aws.amazon.com",
            own_use: false,
            role: "hosting",
            services: ["storage"],
          },
          { key: "zen", legal_name: "Zendesk Inc.", country: "US-CA", engaged_by: "aws" },
        ],
      },
    });
  });

  it("names the cell at fault for each invalid or missing cell", () => {
    const result = register([
      { key: "aws", legal_name: "AWS", country: "lu" },
      { key: "aws", country: "CA-ZZ", staff: "many", engaged_by: "nobody" },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toEqual({
      "rows[0].country": 'Row 1, "Country": write country codes in upper case ("LU")',
      "rows[1].legal_name": 'Row 2: enter "Legal name"',
      "rows[1].country": 'Row 2, "Country": "CA-ZZ" is not an ISO 3166-2 subdivision of CA',
      "rows[1].staff": 'Row 2, "Staff": enter a number (people), like 30',
      "rows[1].key": 'Row 2: "aws" is already used in row 1',
      "rows[1].engaged_by": 'Row 2, "Engaged by": "nobody" is not a row of the table it refers to',
    });
  });

  it("refuses a row that refers to itself", () => {
    const result = register([{ key: "aws", legal_name: "AWS", country: "LU", engaged_by: "aws" }]);
    expect(!result.ok && result.fieldErrors).toEqual({ "rows[0].engaged_by": 'Row 1, "Engaged by": a row cannot refer to itself' });
  });

  it("checks a reference into another table against that table's answer", () => {
    const answers = { "partners.register": { value: [{ key: "aws", legal_name: "AWS", country: "LU" }] } };
    expect(parseAnswerInput(question("partners.sites"), { rows: [{ party: "aws", region: "DE" }] }, answers).ok).toBe(true);
    const wrong = parseAnswerInput(question("partners.sites"), { rows: [{ party: "gcp", region: "DE" }] }, answers);
    expect(!wrong.ok && wrong.fieldErrors).toEqual({ "rows[0].party": 'Row 1, "Operated by": "gcp" is not a row of the table it refers to' });
  });

  it("enforces the maximum number of rows", () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ key: `p${i}`, legal_name: `P${i}`, country: "DE" }));
    expect(register(rows)).toEqual({ ok: false, message: "Give at most 5 rows" });
  });
});
