import { and, asc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { policyRules } from "#db/schema";
import { describeRule, PolicyRuleDefinitionSchema, type PolicyRule, type PolicyRuleDefinition, type PolicySeverity } from "~/policy";
import { recordEvent } from "./events.server";
import type { CurrentUser } from "./organisations.server";

// An organisation's own residency rules. Every write records an event in the
// same transaction; the definition is parsed with the policy schema on the way
// out, so the evaluator only ever sees well-formed rules.

export interface StoredPolicyRule extends PolicyRule {
  createdAt: Date;
  updatedAt: Date;
}

const columns = {
  id: policyRules.id,
  name: policyRules.name,
  severity: policyRules.severity,
  enabled: policyRules.enabled,
  definition: policyRules.definition,
  createdAt: policyRules.createdAt,
  updatedAt: policyRules.updatedAt,
};

function toRule(row: { id: string; definition: unknown } & Omit<StoredPolicyRule, "id" | "definition">): StoredPolicyRule {
  const parsed = PolicyRuleDefinitionSchema.safeParse(row.definition);
  if (!parsed.success) throw new Error(`Policy rule ${row.id} has an unreadable definition: ${parsed.error.message}`);
  return { ...row, definition: parsed.data };
}

/** The organisation's rules, oldest first. */
export function listPolicyRules(db: DB, organisationId: string): StoredPolicyRule[] {
  return db
    .select(columns)
    .from(policyRules)
    .where(eq(policyRules.organisationId, organisationId))
    .orderBy(asc(policyRules.createdAt), asc(policyRules.id))
    .all()
    .map(toRule);
}

export function getPolicyRule(db: DB, organisationId: string, ruleId: string): StoredPolicyRule | null {
  const row = db
    .select(columns)
    .from(policyRules)
    .where(and(eq(policyRules.id, ruleId), eq(policyRules.organisationId, organisationId)))
    .get();
  return row ? toRule(row) : null;
}

export interface NewPolicyRule {
  name: string;
  severity: PolicySeverity;
  definition: PolicyRuleDefinition;
}

export function createPolicyRule(db: DB, user: CurrentUser, input: NewPolicyRule, at = new Date()): string {
  const id = newId();
  db.transaction((tx) => {
    tx.insert(policyRules)
      .values({
        id,
        organisationId: user.organisationId,
        name: input.name,
        severity: input.severity,
        enabled: true,
        definition: input.definition,
        createdByUserId: user.id,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    recordEvent(
      tx,
      {
        organisationId: user.organisationId,
        actorUserId: user.id,
        actor: user.name,
        type: "policy-rule.created",
        payload: { ruleId: id, name: input.name, severity: input.severity, rule: describeRule(input.definition), definition: input.definition },
      },
      at,
    );
  });
  return id;
}

/** Turns a rule on or off; false when the organisation has no such rule. */
export function setPolicyRuleEnabled(db: DB, user: CurrentUser, ruleId: string, enabled: boolean, at = new Date()): boolean {
  return db.transaction((tx) => {
    const changed = tx
      .update(policyRules)
      .set({ enabled, updatedAt: at })
      .where(and(eq(policyRules.id, ruleId), eq(policyRules.organisationId, user.organisationId)))
      .returning({ name: policyRules.name })
      .get();
    if (!changed) return false;
    recordEvent(
      tx,
      {
        organisationId: user.organisationId,
        actorUserId: user.id,
        actor: user.name,
        type: enabled ? "policy-rule.enabled" : "policy-rule.disabled",
        payload: { ruleId, name: changed.name },
      },
      at,
    );
    return true;
  });
}

/** Deletes a rule; the event keeps its name and definition. False when the organisation has no such rule. */
export function deletePolicyRule(db: DB, user: CurrentUser, ruleId: string, at = new Date()): boolean {
  return db.transaction((tx) => {
    const removed = tx
      .delete(policyRules)
      .where(and(eq(policyRules.id, ruleId), eq(policyRules.organisationId, user.organisationId)))
      .returning({ name: policyRules.name, definition: policyRules.definition })
      .get();
    if (!removed) return false;
    recordEvent(
      tx,
      {
        organisationId: user.organisationId,
        actorUserId: user.id,
        actor: user.name,
        type: "policy-rule.deleted",
        payload: { ruleId, name: removed.name, definition: removed.definition as Record<string, unknown> },
      },
      at,
    );
    return true;
  });
}
