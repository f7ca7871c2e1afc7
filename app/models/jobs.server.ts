import { and, eq, sql } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { jobs, type JobState } from "#db/schema";

// Long operations and their progress (docs/decisions/013). The runner
// (app/jobs/runner.server.ts) writes here; pages read.

export interface JobView {
  id: string;
  kind: string;
  assessmentId: string | null;
  state: JobState;
  done: number;
  total: number;
  stage: string | null;
  error: string | null;
  input: unknown;
  result: unknown;
  fileName: string | null;
  fileType: string | null;
  hasFile: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface NewJob {
  organisationId: string;
  kind: string;
  assessmentId?: string | null;
  input?: unknown;
  file?: Buffer | null;
  fileName?: string | null;
  fileType?: string | null;
  createdByUserId: string | null;
  createdBy: string;
}

export function insertJob(db: DB, job: NewJob, now = new Date()): string {
  const id = newId();
  db.insert(jobs)
    .values({
      id,
      organisationId: job.organisationId,
      kind: job.kind,
      assessmentId: job.assessmentId ?? null,
      input: job.input ?? null,
      file: job.file ?? null,
      fileName: job.fileName ?? null,
      fileType: job.fileType ?? null,
      createdByUserId: job.createdByUserId,
      createdBy: job.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return id;
}

const viewColumns = {
  id: jobs.id,
  kind: jobs.kind,
  assessmentId: jobs.assessmentId,
  state: jobs.state,
  done: jobs.done,
  total: jobs.total,
  stage: jobs.stage,
  error: jobs.error,
  input: jobs.input,
  result: jobs.result,
  fileName: jobs.fileName,
  fileType: jobs.fileType,
  createdBy: jobs.createdBy,
  createdAt: jobs.createdAt,
  updatedAt: jobs.updatedAt,
  finishedAt: jobs.finishedAt,
};

/** A job of the organisation, without its file; null when there is none. */
export function getJob(db: DB, organisationId: string, jobId: string): JobView | null {
  const row = db
    .select({ ...viewColumns, hasFile: sql<number>`${jobs.file} is not null` })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.organisationId, organisationId)))
    .get();
  return row ? { ...row, hasFile: row.hasFile === 1 } : null;
}

export function getJobFile(db: DB, organisationId: string, jobId: string): { file: Buffer; fileName: string; fileType: string } | null {
  const row = db
    .select({ file: jobs.file, fileName: jobs.fileName, fileType: jobs.fileType })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.organisationId, organisationId)))
    .get();
  if (!row?.file || !row.fileName || !row.fileType) return null;
  return { file: row.file, fileName: row.fileName, fileType: row.fileType };
}

export function updateJob(
  db: DB,
  jobId: string,
  values: Partial<{
    state: JobState;
    done: number;
    total: number;
    stage: string | null;
    error: string | null;
    result: unknown;
    file: Buffer | null;
    fileName: string | null;
    fileType: string | null;
    finishedAt: Date | null;
  }>,
  now = new Date(),
) {
  db.update(jobs)
    .set({ ...values, updatedAt: now })
    .where(eq(jobs.id, jobId))
    .run();
}
