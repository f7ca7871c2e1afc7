import { freezeAssessmentScore } from "~/assessments/score.server";
import { hashPasswordSync } from "~/auth/password.server";
import { recordEvent } from "~/models/events.server";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import type { DB } from "./database";
import { newId } from "./ids";
import { answers, assessments, organisations, policyRules, users, vendors } from "./schema";
import { demoOrganisation, demoPolicyRules, demoUsers, demoVendors } from "./seed-demo-data";

const DEMO_QUESTIONNAIRE = "hosted-crm";
const DAY = 24 * 60 * 60 * 1000;

/**
 * Seeds the demo buyer, its users, vendors, assessments and answers, in one
 * transaction, only when the database holds no organisation at all: a second
 * start never seeds again and never touches existing data.
 */
export function seedDemoIfEmpty(db: DB, now = Date.now()): { seeded: boolean } {
  const questionnaire = getLatestQuestionnaire(DEMO_QUESTIONNAIRE);
  if (!questionnaire) throw new Error(`The demo needs the "${DEMO_QUESTIONNAIRE}" questionnaire in questionnaires/.`);

  return db.transaction((tx) => {
    const existing = tx.select({ id: organisations.id }).from(organisations).limit(1).get();
    if (existing) return { seeded: false };

    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const organisationId = newId();
    tx.insert(organisations).values({ id: organisationId, name: demoOrganisation.name, createdAt: at(120) }).run();
    const userIds = new Map<string, string>();
    for (const { password, ...user } of demoUsers) {
      const id = newId();
      userIds.set(user.role, id);
      tx.insert(users).values({ id, organisationId, createdAt: at(120), ...user, passwordHash: hashPasswordSync(password) }).run();
    }
    const assessor = demoUsers.find((u) => u.role === "assessor")!;
    const assessorId = userIds.get("assessor")!;
    const legal = demoUsers.find((u) => u.role === "legal-reviewer")!;

    demoPolicyRules.forEach((rule, i) => {
      const ruleId = newId();
      const createdAt = at(100 - i);
      tx.insert(policyRules)
        .values({ id: ruleId, organisationId, ...rule, enabled: true, createdByUserId: userIds.get("legal-reviewer")!, createdAt, updatedAt: createdAt })
        .run();
      recordEvent(
        tx,
        { organisationId, actorUserId: userIds.get("legal-reviewer")!, actor: legal.name, type: "policy-rule.created", payload: { ruleId, name: rule.name, definition: rule.definition } },
        createdAt,
      );
    });

    for (const demo of demoVendors) {
      const vendorId = newId();
      const { assessment: a } = demo;
      tx.insert(vendors)
        .values({
          id: vendorId,
          organisationId,
          name: demo.name,
          service: demo.service,
          website: demo.website,
          country: demo.country,
          tier: demo.tier,
          createdAt: at(a.startedDaysAgo + 5),
          updatedAt: at(a.startedDaysAgo + 5),
        })
        .run();

      const assessmentId = newId();
      tx.insert(assessments)
        .values({
          id: assessmentId,
          organisationId,
          vendorId,
          questionnaireId: questionnaire.id,
          questionnaireVersion: questionnaire.version,
          questionnaireHash: questionnaire.hash,
          scopeSubjects: a.scope.subjects,
          scopeCategories: a.scope.categories,
          scopeSector: a.scope.sector,
          scopeSubjectsCount: a.scope.subjectsCount ?? null,
          status: a.status,
          dueDate: new Date(now + a.dueInDays * DAY).toISOString().slice(0, 10),
          createdAt: at(a.startedDaysAgo),
          updatedAt: at(a.updatedDaysAgo),
          submittedAt: a.submittedDaysAgo !== undefined ? at(a.submittedDaysAgo) : null,
          finalisedAt: a.finalisedDaysAgo !== undefined ? at(a.finalisedDaysAgo) : null,
        })
        .run();

      const answeredAt = at(a.submittedDaysAgo ?? a.updatedDaysAgo);
      for (const [questionId, given] of Object.entries(a.answers)) {
        const notApplicable = typeof given === "object" && !Array.isArray(given) && given !== null;
        tx.insert(answers)
          .values({
            id: newId(),
            assessmentId,
            questionId,
            value: notApplicable ? null : given,
            naReason: notApplicable ? (given as { na: string }).na : null,
            answeredBy: a.answeredBy,
            answeredAt,
          })
          .run();
      }

      const log = (daysAgo: number, actor: string, type: string, payload: Record<string, unknown>) =>
        recordEvent(tx, { organisationId, assessmentId, actor, type, payload }, at(daysAgo));
      log(a.startedDaysAgo, assessor.name, "assessment.created", {
        questionnaire: `${questionnaire.id}@${questionnaire.version}`,
        actorUserId: assessorId,
      });
      if (a.status !== "draft") log(a.startedDaysAgo, assessor.name, "assessment.sent", { to: demo.name });
      if (a.submittedDaysAgo !== undefined) log(a.submittedDaysAgo, a.answeredBy, "assessment.submitted", {});
      if (a.status === "in-review") log(a.updatedDaysAgo, assessor.name, "assessment.review-started", {});
      if (a.finalisedDaysAgo !== undefined) {
        log(a.finalisedDaysAgo, legal.name, "assessment.finalised", { decision: "approved-with-conditions" });
        // Its frozen score version, so the demo's report is the finalised one from the first start.
        freezeAssessmentScore(db, assessmentId, {
          reason: "finalised",
          actor: { userId: userIds.get("legal-reviewer")!, name: legal.name },
          at: at(a.finalisedDaysAgo),
        });
      }
    }
    return { seeded: true };
  });
}
