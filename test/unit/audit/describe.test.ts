import { describe, expect, it } from "vitest";
import { describeEvents } from "~/audit/describe";
import { demo } from "../questionnaire/demo";

describe("the audit trail in words", () => {
  it("names the question of an answer change and shows the answer before and after as a reader would", () => {
    const [words] = describeEvents(
      [{ type: "answer.changed", payload: { questionId: "hosting.countries", before: { value: ["DE"], naReason: null }, after: { value: ["DE", "FR"], naReason: null } } }],
      demo,
    );
    expect(words?.summary).toMatch(/^Changed the answer to “.+” \(hosting\.countries\)$/);
    expect(words?.change).toEqual({ before: "Germany (DE)", after: "Germany (DE); France (FR)" });
  });

  it("states a sign-off's decision, conditions and what the score recommended", () => {
    const [words] = describeEvents(
      [{ type: "assessment.finalised", payload: { decision: "approved-with-conditions", conditions: "SCCs first", recommended: "rejected" } }],
      demo,
    );
    expect(words).toEqual({
      summary: "Signed off: approved with conditions",
      details: [
        { label: "Conditions", value: "SCCs first" },
        { label: "Recommended by the score", value: "rejected" },
      ],
      change: null,
    });
  });

  it("shows an attestation with the submission, and falls back to the raw event for a type it does not know", () => {
    const [submitted, unknown] = describeEvents(
      [
        { type: "assessment.submitted", payload: { attestation: { name: "Dana Ruiz", title: "CISO", statement: "I confirm." } } },
        { type: "something.new", payload: { a: 1 } },
      ],
      demo,
    );
    expect(submitted?.details).toEqual([
      { label: "Attested by", value: "Dana Ruiz, CISO" },
      { label: "Statement", value: "I confirm." },
    ]);
    expect(unknown).toEqual({ summary: "something.new", details: [{ label: "Details", value: '{"a":1}' }], change: null });
  });

  it("lists evidence by file name where answers hold its ids", () => {
    const file = demo.sections.flatMap((s) => s.questions).find((q) => q.type === "file")!;
    const [words] = describeEvents(
      [{ type: "answer.changed", payload: { questionId: file.id, before: { value: null, naReason: null }, after: { value: ["e1"], naReason: null } } }],
      demo,
      { e1: "annex.pdf" },
    );
    expect(words?.change).toEqual({ before: "Not answered", after: "annex.pdf" });
  });
});
