import type { AssessmentStatus, UserRole } from "#db/schema";

// The review workflow as data: every status change an assessment can make,
// and who may make it. Pure: the models apply it inside their transactions,
// the pages ask it which buttons to show, and a unit test reads the table.

/** A buyer's role, or a vendor contact acting through their link. */
export type WorkflowActor = UserRole | "vendor";

export type WorkflowAction = "send" | "start" | "submit" | "start-review" | "return" | "finalise";

export interface Transition {
  action: WorkflowAction;
  from: readonly AssessmentStatus[];
  to: AssessmentStatus;
  by: readonly WorkflowActor[];
  /** The audit event recording the step. */
  event: string;
  /** What the step is called on a button or in the trail. */
  label: string;
}

export const transitions: readonly Transition[] = [
  { action: "send", from: ["draft"], to: "sent", by: ["admin", "assessor"], event: "assessment.sent", label: "Sent to the vendor" },
  // The vendor's first save shows the buyer that work has begun.
  { action: "start", from: ["sent"], to: "in-progress", by: ["vendor"], event: "assessment.started", label: "Vendor started answering" },
  {
    action: "submit",
    from: ["sent", "in-progress", "returned"],
    to: "submitted",
    by: ["vendor"],
    event: "assessment.submitted",
    label: "Submitted by the vendor",
  },
  {
    action: "start-review",
    from: ["submitted"],
    to: "in-review",
    by: ["admin", "assessor", "legal-reviewer"],
    event: "assessment.review-started",
    label: "Review started",
  },
  // Returning more questions while some are already back with the vendor keeps the status.
  {
    action: "return",
    from: ["submitted", "in-review", "returned"],
    to: "returned",
    by: ["admin", "assessor"],
    event: "assessment.returned",
    label: "Returned to the vendor",
  },
  {
    action: "finalise",
    from: ["submitted", "in-review"],
    to: "finalised",
    by: ["admin", "legal-reviewer"],
    event: "assessment.finalised",
    label: "Finalised",
  },
];

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; reason: "not-allowed-now" | "not-your-role"; message: string };

const statusWords: Record<AssessmentStatus, string> = {
  draft: "a draft",
  sent: "sent to the vendor",
  "in-progress": "in progress",
  submitted: "submitted",
  "in-review": "in review",
  returned: "returned to the vendor",
  finalised: "finalised",
};

export function describeStatus(status: AssessmentStatus): string {
  return statusWords[status];
}

/** Whether `actor` may take `action` on an assessment in `status`, and where it leads. */
export function checkTransition(status: AssessmentStatus, action: WorkflowAction, actor: WorkflowActor): TransitionCheck {
  const transition = transitions.find((t) => t.action === action);
  if (!transition) return { ok: false, reason: "not-allowed-now", message: `Unknown step: ${action}` };
  if (!transition.by.includes(actor)) {
    return { ok: false, reason: "not-your-role", message: `Your role may not take the step "${transition.label}".` };
  }
  if (!transition.from.includes(status)) {
    return {
      ok: false,
      reason: "not-allowed-now",
      message: `This assessment is ${describeStatus(status)}: the step "${transition.label}" is not possible now.`,
    };
  }
  return { ok: true, transition };
}

/** The steps `actor` may take now, in the table's order. */
export function availableActions(status: AssessmentStatus, actor: WorkflowActor): WorkflowAction[] {
  return transitions.filter((t) => t.from.includes(status) && t.by.includes(actor)).map((t) => t.action);
}

/** The transition whose event type this is, for reading the trail back as steps. */
export function transitionOfEvent(eventType: string): Transition | null {
  return transitions.find((t) => t.event === eventType) ?? null;
}
