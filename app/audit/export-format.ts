import * as z from "zod";
import type { ChainRow } from "./chain";

// One JSON object per line. The hash covers createdAt in milliseconds
// (Date.parse of the ISO time here); everything else is as stored.

export const AuditRecordSchema = z.object({
  id: z.number().int().positive(),
  organisationId: z.string(),
  assessmentId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actor: z.string(),
  type: z.string(),
  payload: z.unknown(),
  createdAt: z.iso.datetime(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export function toAuditRecord(row: ChainRow): AuditRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    assessmentId: row.assessmentId,
    actorUserId: row.actorUserId,
    actor: row.actor,
    type: row.type,
    payload: row.payload,
    createdAt: new Date(row.createdAt).toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** A line of an export back to a chain row; throws a message naming the line and field when it is not one. */
export function parseAuditRecordLine(line: string, lineNumber: number): ChainRow {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error(`line ${lineNumber}: not JSON`);
  }
  const result = AuditRecordSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`line ${lineNumber}: ${issue.path.join(".") || "record"}: ${issue.message}`);
  }
  return { ...result.data, createdAt: Date.parse(result.data.createdAt) };
}
