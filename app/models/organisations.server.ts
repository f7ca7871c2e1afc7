import { asc } from "drizzle-orm";
import type { DB } from "#db/database";
import { organisations } from "#db/schema";

export interface Organisation {
  id: string;
  name: string;
}

/**
 * The organisation whose data the app shows. Until accounts exist (see
 * docs/decisions/003-single-tenant-until-accounts.md) this is the first
 * organisation in the database; every query below it is already scoped by
 * organisation id, so accounts only change this one function.
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
