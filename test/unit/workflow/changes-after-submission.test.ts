import { describe, expect, it } from "vitest";
import { changesAfterFirstSubmission } from "~/workflow/changes-after-submission";

const at = (iso: string) => new Date(`2026-09-${iso}Z`);
const order = ["s0.legal_name", "s1.country", "s1.pinning", "s2.support"];

describe("changes after the first submission", () => {
  it("is empty before the vendor has submitted", () => {
    expect(
      changesAfterFirstSubmission({ answers: [{ questionId: "s1.country", answeredBy: "Dana", answeredAt: at("10T10:00:00") }], submittedAt: [], returnedAt: [], order }),
    ).toEqual([]);
  });

  it("lists the answers changed after the first submission in questionnaire order, telling the returned ones from the unasked", () => {
    const changes = changesAfterFirstSubmission({
      answers: [
        { questionId: "s2.support", answeredBy: "Dana Ruiz", answeredAt: at("12T09:00:00") },
        { questionId: "s0.legal_name", answeredBy: "Dana Ruiz", answeredAt: at("09T09:00:00") },
        { questionId: "s1.pinning", answeredBy: "Dana Ruiz", answeredAt: at("12T08:00:00") },
        { questionId: "s1.country", answeredBy: "Dana Ruiz", answeredAt: at("10T11:59:59") },
      ],
      submittedAt: [at("10T12:00:00"), at("12T10:00:00")],
      returnedAt: [{ questionId: "s1.pinning", at: at("11T08:00:00") }],
      order,
    });
    expect(changes).toEqual([
      { questionId: "s1.pinning", by: "Dana Ruiz", at: at("12T08:00:00"), asked: true },
      { questionId: "s2.support", by: "Dana Ruiz", at: at("12T09:00:00"), asked: false },
    ]);
  });

  it("does not count a return made before the first submission as asking for a later change", () => {
    const changes = changesAfterFirstSubmission({
      answers: [{ questionId: "s1.pinning", answeredBy: "Dana Ruiz", answeredAt: at("12T08:00:00") }],
      submittedAt: [at("10T12:00:00")],
      returnedAt: [{ questionId: "s1.pinning", at: at("09T08:00:00") }],
      order,
    });
    expect(changes).toEqual([{ questionId: "s1.pinning", by: "Dana Ruiz", at: at("12T08:00:00"), asked: false }]);
  });
});
