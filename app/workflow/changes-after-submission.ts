// After the vendor has submitted once, every answer changed later is news to
// the reviewer: the ones they returned are expected, any other is a change the
// vendor made unasked and must be read again before sign-off.

export interface AnswerStamp {
  questionId: string;
  answeredBy: string;
  answeredAt: Date;
}

export interface ChangeAfterSubmission {
  questionId: string;
  by: string;
  at: Date;
  /** True when a reviewer returned the question after the first submission, so the change was asked for. */
  asked: boolean;
}

/**
 * The answers last changed after the first submission, in questionnaire order
 * (`order` lists question ids); empty before any submission.
 */
export function changesAfterFirstSubmission(input: {
  answers: AnswerStamp[];
  submittedAt: Date[];
  returnedAt: { questionId: string; at: Date }[];
  order: string[];
}): ChangeAfterSubmission[] {
  if (input.submittedAt.length === 0) return [];
  const first = Math.min(...input.submittedAt.map((d) => d.getTime()));
  const asked = new Set(input.returnedAt.filter((r) => r.at.getTime() >= first).map((r) => r.questionId));
  const position = new Map(input.order.map((id, i) => [id, i]));
  return input.answers
    .filter((a) => a.answeredAt.getTime() > first)
    .sort((a, b) => (position.get(a.questionId) ?? Infinity) - (position.get(b.questionId) ?? Infinity) || a.questionId.localeCompare(b.questionId))
    .map((a) => ({ questionId: a.questionId, by: a.answeredBy, at: a.answeredAt, asked: asked.has(a.questionId) }));
}
