import { answerAsText, displayAnswer } from "~/answering/display";
import { text, type Question, type Questionnaire } from "~/questionnaire";
import { formatDate } from "~/ui/format";

// An audit event in words, for the trail page: what happened, and for changes
// the value before and after. Pure: the page passes the rows and the
// assessment's pinned questionnaire.

export interface EventWords {
  summary: string;
  details: { label: string; value: string }[];
  change: { before: string; after: string } | null;
}

const decisionWords: Record<string, string> = {
  approved: "approved",
  "approved-with-conditions": "approved with conditions",
  rejected: "rejected",
};

const str = (value: unknown): string => (typeof value === "string" ? value : value === null || value === undefined ? "" : JSON.stringify(value));


function questionsById(questionnaire: Questionnaire): Map<string, Question> {
  return new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
}

export function describeEvents(
  rows: readonly { type: string; payload: unknown }[],
  questionnaire: Questionnaire,
  fileNames: Record<string, string> = {},
): EventWords[] {
  const questions = questionsById(questionnaire);
  const questionLabel = (id: unknown) => {
    const question = typeof id === "string" ? questions.get(id) : undefined;
    return question ? `“${text(question.text)}” (${question.id})` : `question ${str(id)}`;
  };
  const value = (questionId: unknown, answer: unknown): string => {
    const question = typeof questionId === "string" ? questions.get(questionId) : undefined;
    const a = (answer ?? {}) as { value?: unknown; naReason?: string | null };
    if (!question) return str(a.value ?? null);
    return answerAsText(displayAnswer(question, { value: a.value ?? null, naReason: a.naReason ?? null }, { answers: {}, vendorLabel: "the vendor", fileNames }));
  };

  return rows.map(({ type, payload: raw }) => {
    const p = (raw ?? {}) as Record<string, unknown>;
    const words = (summary: string, details: EventWords["details"] = [], change: EventWords["change"] = null): EventWords => ({ summary, details, change });
    switch (type) {
      case "assessment.created":
        return words("Created the assessment", [{ label: "Questionnaire", value: str(p.questionnaire) }]);
      case "assessment.sent":
        return words("Sent the assessment to the vendor");
      case "assessment.started":
        return words("Started answering (first save through the vendor link)");
      case "assessment.submitted": {
        const attestation = (p.attestation ?? null) as { name?: string; title?: string; statement?: string } | null;
        return words(
          "Submitted the answers",
          attestation ? [{ label: "Attested by", value: `${str(attestation.name)}, ${str(attestation.title)}` }, { label: "Statement", value: str(attestation.statement) }] : [],
        );
      }
      case "assessment.review-started":
        return words("Started the review");
      case "assessment.returned":
        return words("Returned the assessment to the vendor", [{ label: "First question returned", value: questionLabel(p.questionId) }]);
      case "assessment.finalised":
        return words(`Signed off: ${decisionWords[str(p.decision)] ?? str(p.decision)}`, [
          ...(p.conditions ? [{ label: "Conditions", value: str(p.conditions) }] : []),
          ...(p.note ? [{ label: "Note", value: str(p.note) }] : []),
          ...(p.recommended ? [{ label: "Recommended by the score", value: decisionWords[str(p.recommended)] ?? str(p.recommended) }] : []),
        ]);
      case "answer.changed":
        return words(`Changed the answer to ${questionLabel(p.questionId)}`, [], { before: value(p.questionId, p.before), after: value(p.questionId, p.after) });
      case "scope.changed":
        return words("Changed the scope", [], { before: scopeText(p.before), after: scopeText(p.after) });
      case "invitation.created":
        return words(`Invited ${str(p.contactName)} <${str(p.contactEmail)}> to answer through a vendor link`, [
          { label: "Link works until", value: typeof p.expiresAt === "string" ? formatDate(p.expiresAt) : "" },
        ]);
      case "invitation.revoked":
        return words(`Withdrew a vendor link${p.contactEmail ? ` of ${str(p.contactEmail)}` : ""}`, [{ label: "Why", value: str(p.why) }]);
      case "evidence.uploaded":
        return words(`Uploaded ${str(p.fileName)} for ${questionLabel(p.questionId)}`, [{ label: "SHA-256", value: str(p.sha256) }]);
      case "evidence.downloaded":
        return words(`Downloaded ${str(p.fileName)}`, [{ label: "SHA-256", value: str(p.sha256) }]);
      case "evidence.purged": {
        const files = Array.isArray(p.files) ? (p.files as { fileName?: string }[]) : [];
        return words(`Deleted ${files.length === 1 ? "1 evidence file" : `${files.length} evidence files`} under the retention policy`, [
          { label: "Files", value: files.map((f) => str(f.fileName)).join(", ") },
          { label: "Kept for", value: `${str(p.retentionDays)} days after finalising` },
        ]);
      }
      case "comment.added":
        return words(`${p.visibility === "internal" ? "Commented (internal)" : "Commented (shared with the vendor)"} on ${questionLabel(p.questionId)}`, [
          { label: "Comment", value: str(p.body) },
        ]);
      case "question.returned":
        return words(`Returned ${questionLabel(p.questionId)} to the vendor`, [{ label: "Request", value: str(p.request) }]);
      case "risk.accepted":
        return words(`Accepted the risk of “${str(p.findingTitle)}”`, [
          { label: "Why", value: str(p.reason) },
          { label: "Until", value: typeof p.acceptedUntil === "string" ? formatDate(p.acceptedUntil) : "" },
        ]);
      default:
        return words(type, [{ label: "Details", value: JSON.stringify(p) }]);
    }
  });
}

function scopeText(scope: unknown): string {
  const s = (scope ?? {}) as { subjects?: string[]; categories?: string[]; sector?: string; subjectsCount?: number | null };
  return [
    `Subjects: ${(s.subjects ?? []).join(", ") || "none"}`,
    `Categories: ${(s.categories ?? []).join(", ") || "none"}`,
    `Sector: ${s.sector ?? "general"}`,
    `People: ${s.subjectsCount ?? "not stated"}`,
  ].join("; ");
}
