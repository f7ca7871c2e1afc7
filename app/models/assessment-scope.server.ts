import { and, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { assessments } from "#db/schema";
import type { Scope } from "~/datamap/schema";
import { canonicalJson, sha256Hex } from "~/questionnaire/hash";
import type { Answerer } from "./answers.server";
import { recordEvent } from "./events.server";

function normalizeScope(scope: Scope | { subjects: string[]; categories: string[]; sector: string; subjectsCount?: number | null }) {
  return {
    subjects: [...new Set(scope.subjects)].sort(),
    categories: [...new Set(scope.categories)].sort(),
    sector: scope.sector,
    subjectsCount: scope.subjectsCount ?? null,
  };
}

/** A short digest of a scope: the scoping form carries the one it was rendered with. */
export function scopeFingerprint(scope: Parameters<typeof normalizeScope>[0]): string {
  return sha256Hex(canonicalJson(normalizeScope(scope))).slice(0, 16);
}

export type ScopeUpdate =
  | { status: "saved" | "unchanged" }
  /** Someone else changed the scope after the form was rendered: nothing written. */
  | { status: "conflict"; theirs: Scope; theirsFingerprint: string };

/**
 * Replaces the buyer's scope of an assessment, unless it changed since the
 * form showing `baseFingerprint` was rendered. Records scope.changed.
 */
export function updateScope(
  db: DB,
  input: { organisationId: string; assessmentId: string; actor: Answerer; scope: Scope; baseFingerprint: string | null },
  now = new Date(),
): ScopeUpdate {
  const { organisationId, assessmentId, actor, scope, baseFingerprint } = input;
  return db.transaction((tx) => {
    const row = tx
      .select({
        subjects: assessments.scopeSubjects,
        categories: assessments.scopeCategories,
        sector: assessments.scopeSector,
        subjectsCount: assessments.scopeSubjectsCount,
      })
      .from(assessments)
      .where(and(eq(assessments.id, assessmentId), eq(assessments.organisationId, organisationId)))
      .get();
    if (!row) throw new Response("Assessment not found", { status: 404 });
    const current: Scope = { ...row, categories: row.categories as Scope["categories"], subjectsCount: row.subjectsCount ?? undefined };
    const currentFingerprint = scopeFingerprint(current);
    const nextFingerprint = scopeFingerprint(scope);
    if (nextFingerprint === currentFingerprint) return { status: "unchanged" };
    if (baseFingerprint !== currentFingerprint) return { status: "conflict", theirs: current, theirsFingerprint: currentFingerprint };

    const after = normalizeScope(scope);
    tx.update(assessments)
      .set({
        scopeSubjects: scope.subjects,
        scopeCategories: scope.categories,
        scopeSector: scope.sector,
        scopeSubjectsCount: scope.subjectsCount ?? null,
        updatedAt: now,
      })
      .where(and(eq(assessments.id, assessmentId), eq(assessments.organisationId, organisationId)))
      .run();
    recordEvent(
      tx,
      {
        organisationId,
        assessmentId,
        actorUserId: actor.userId,
        actor: actor.name,
        type: "scope.changed",
        payload: { before: normalizeScope(current), after },
      },
      now,
    );
    return { status: "saved" };
  });
}
