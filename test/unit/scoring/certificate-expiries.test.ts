import { describe, expect, it } from "vitest";
import type { Answers } from "~/questionnaire/answers";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import { certificateExpiries } from "~/scoring";

const questionnaire = getLatestQuestionnaire("hosted-crm")!;

describe("certificate expiries", () => {
  it("lists each declared certificate with its validity date, named by its scheme, and skips rows without one", () => {
    const answers: Answers = {
      "s12.certifications": {
        value: [
          { scheme: "iso27001", issuer: "TÜV Rheinland", valid_until: "2027-05-31" },
          { scheme: "soc2_type2", issuer: "Weiß & Partner", period_end: "2026-06-30" },
          { scheme: "c5", valid_until: "2028-01-15" },
        ],
        naReason: null,
      },
    };
    expect(certificateExpiries(questionnaire, answers)).toEqual([
      { key: "s12.certifications:0", certificate: "ISO/IEC 27001:2022", validUntil: "2027-05-31" },
      { key: "s12.certifications:2", certificate: "BSI C5", validUntil: "2028-01-15" },
    ]);
  });

  it("is empty when the question is answered not applicable or not at all", () => {
    expect(certificateExpiries(questionnaire, {})).toEqual([]);
    expect(certificateExpiries(questionnaire, { "s12.certifications": { value: null, naReason: "No certifications yet" } })).toEqual([]);
  });
});
