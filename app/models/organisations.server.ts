import { eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { organisations, type UserRole } from "#db/schema";

export interface Organisation {
  id: string;
  name: string;
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

