import { and, eq, sql } from "drizzle-orm";
import type { DB } from "#db/database";
import { organisations, users } from "#db/schema";
import type { CurrentUser } from "./organisations.server";

export interface UserCredentials {
  id: string;
  email: string;
  name: string;
  organisationId: string;
  passwordHash: string | null;
  totpEnabled: boolean;
}

/** Emails are compared trimmed and without case: people type them both ways. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const credentialColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  organisationId: users.organisationId,
  passwordHash: users.passwordHash,
  totpEnabled: users.totpEnabled,
};

export function findUserCredentialsByEmail(db: DB, email: string): UserCredentials | null {
  return (
    db
      .select(credentialColumns)
      .from(users)
      .where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
      .get() ?? null
  );
}

export function findUserCredentialsById(db: DB, userId: string): UserCredentials | null {
  return db.select(credentialColumns).from(users).where(eq(users.id, userId)).get() ?? null;
}

export interface UserWithOrganisation extends CurrentUser {
  organisationName: string;
}

export function getUserWithOrganisation(db: DB, userId: string): UserWithOrganisation | null {
  return (
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        organisationId: users.organisationId,
        organisationName: organisations.name,
      })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, userId))
      .get() ?? null
  );
}

export function setPasswordHash(db: Pick<DB, "update">, userId: string, passwordHash: string) {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

export interface TotpState {
  sealedSecret: string | null;
  enabled: boolean;
  lastStep: number | null;
}

export function getTotpState(db: DB, userId: string): TotpState | null {
  return (
    db
      .select({ sealedSecret: users.totpSecret, enabled: users.totpEnabled, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? null
  );
}

/** Stores a new secret awaiting its first code; the second factor stays off until confirmed. */
export function setPendingTotpSecret(db: DB, userId: string, sealedSecret: string) {
  db.update(users)
    .set({ totpSecret: sealedSecret, totpEnabled: false, totpLastStep: null })
    .where(eq(users.id, userId))
    .run();
}

export function enableTotp(db: Pick<DB, "update">, userId: string, step: number) {
  db.update(users).set({ totpEnabled: true, totpLastStep: step }).where(eq(users.id, userId)).run();
}

export function disableTotp(db: Pick<DB, "update">, userId: string) {
  db.update(users).set({ totpSecret: null, totpEnabled: false, totpLastStep: null }).where(eq(users.id, userId)).run();
}

/**
 * Records a used code's step, only if it is later than the last one: false
 * means another request accepted this code (or a later one) first.
 */
export function claimTotpStep(db: DB, userId: string, step: number): boolean {
  const result = db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
    .run();
  return result.changes === 1;
}
