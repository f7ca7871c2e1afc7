import { and, asc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { organisations, users, type UserRole } from "#db/schema";

export interface Organisation {
  id: string;
  name: string;
}

/**
 * The organisation whose data the app shows. Until accounts exist (see
 * docs/decisions/003-single-tenant-until-accounts.md) this is the first
 * organisation in the database; every query below it is already scoped by
 * organisation id, so accounts only change this one function.
 * Being replaced by requireUserOrganisation(request) in app/auth/session.server.ts
 * (docs/decisions/010-accounts-and-sessions.md).
 */
export function requireCurrentOrganisation(db: DB): Organisation {
  const organisation = db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.createdAt), asc(organisations.id))
    .limit(1)
    .get();
  if (!organisation) {
    throw new Response("No organisation exists yet: run `npm start` to seed the demo.", {
      status: 503,
    });
  }
  return organisation;
}

export function getOrganisation(db: DB, organisationId: string): Organisation | null {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get() ?? null;
}

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  organisationId: string;
}

/**
 * The person acting. Until accounts exist this is the current organisation's
 * first admin (docs/decisions/003-single-tenant-until-accounts.md); every
 * write already records this user, so accounts only change this function.
 * Being replaced by requireUser(request, { roles }) in app/auth/session.server.ts.
 */
export function requireCurrentUser(db: DB): CurrentUser {
  const organisation = requireCurrentOrganisation(db);
  const user = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(and(eq(users.organisationId, organisation.id), eq(users.role, "admin")))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1)
    .get();
  if (!user) throw new Response("The organisation has no administrator yet.", { status: 503 });
  return user;
}
