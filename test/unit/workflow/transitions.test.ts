import { describe, expect, it } from "vitest";
import { assessmentStatuses, userRoles } from "#db/schema";
import { availableActions, checkTransition, transitionOfEvent, transitions, type WorkflowActor } from "~/workflow/transitions";

const everyone: WorkflowActor[] = [...userRoles, "vendor"];

describe("the review workflow", () => {
  it("leads from draft to finalised: sent, in progress, submitted, in review, returned and back, then finalised", () => {
    const path: [string, WorkflowActor, string][] = [
      ["send", "assessor", "sent"],
      ["start", "vendor", "in-progress"],
      ["submit", "vendor", "submitted"],
      ["start-review", "assessor", "in-review"],
      ["return", "assessor", "returned"],
      ["submit", "vendor", "submitted"],
      ["finalise", "legal-reviewer", "finalised"],
    ];
    let status: (typeof assessmentStatuses)[number] = "draft";
    for (const [action, actor, to] of path) {
      const check = checkTransition(status, action as never, actor);
      expect(check, `${action} by ${actor} from ${status}`).toMatchObject({ ok: true, transition: { to } });
      if (check.ok) status = check.transition.to;
    }
    expect(status).toBe("finalised");
  });

  it("lets only the vendor submit, and only legal reviewers and administrators finalise", () => {
    for (const actor of everyone) {
      expect(checkTransition("in-progress", "submit", actor).ok).toBe(actor === "vendor");
      expect(checkTransition("in-review", "finalise", actor).ok).toBe(actor === "legal-reviewer" || actor === "admin");
    }
  });

  it("lets viewers take no step at all, in any status", () => {
    for (const status of assessmentStatuses) expect(availableActions(status, "viewer")).toEqual([]);
  });

  it("offers nothing once an assessment is finalised", () => {
    for (const actor of everyone) expect(availableActions("finalised", actor)).toEqual([]);
  });

  it("tells a role that may not take a step apart from a step that is not possible now", () => {
    expect(checkTransition("in-review", "finalise", "assessor")).toMatchObject({ ok: false, reason: "not-your-role" });
    expect(checkTransition("draft", "finalise", "legal-reviewer")).toMatchObject({
      ok: false,
      reason: "not-allowed-now",
      message: 'This assessment is a draft: the step "Finalised" is not possible now.',
    });
  });

  it("keeps an assessment returned while more questions are returned", () => {
    expect(checkTransition("returned", "return", "assessor")).toMatchObject({ ok: true, transition: { to: "returned" } });
  });

  it("moves sent to in progress on the vendor's first save, and not on a later one", () => {
    expect(checkTransition("sent", "start", "vendor").ok).toBe(true);
    expect(checkTransition("in-progress", "start", "vendor").ok).toBe(false);
    expect(checkTransition("returned", "start", "vendor").ok).toBe(false);
  });

  it("names one audit event per step and reads it back", () => {
    const eventTypes = transitions.map((t) => t.event);
    expect(new Set(eventTypes).size).toBe(transitions.length);
    for (const t of transitions) expect(transitionOfEvent(t.event)).toBe(t);
    expect(transitionOfEvent("answer.changed")).toBeNull();
  });

  it("only ever leads to a status the database knows", () => {
    for (const t of transitions) {
      expect(assessmentStatuses).toContain(t.to);
      for (const from of t.from) expect(assessmentStatuses).toContain(from);
    }
  });
});
