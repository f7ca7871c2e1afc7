import type { DB } from "#db/database";
import { getJob, insertJob, updateJob, type JobView, type NewJob } from "~/models/jobs.server";

// Runs long operations inside the server process, one step at a time so
// requests keep being served, with their progress in the jobs table
// (docs/decisions/013). A page polls the row: with a meta refresh without
// JavaScript, with live updates when it runs.

export interface JobContext {
  db: DB;
  jobId: string;
  organisationId: string;
  /** Records progress (at most every 100 ms, unless the stage changes) and lets the server serve requests. */
  progress(done: number, total: number, stage?: string): Promise<void>;
}

export interface JobOutcome {
  result?: unknown;
  file?: { bytes: Buffer; name: string; type: string };
}

export type JobHandler = (context: JobContext) => Promise<JobOutcome>;

const running = new Map<string, Promise<void>>();

const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Stores the job and starts it once the current request has been answered. */
export function startJob(db: DB, job: NewJob, handler: JobHandler): string {
  const id = insertJob(db, job);
  running.set(id, run(db, id, job.organisationId, handler));
  return id;
}

async function run(db: DB, jobId: string, organisationId: string, handler: JobHandler): Promise<void> {
  await yieldToServer();
  updateJob(db, jobId, { state: "running" });
  let lastWrite = 0;
  let lastStage: string | undefined;
  const context: JobContext = {
    db,
    jobId,
    organisationId,
    async progress(done, total, stage) {
      const now = performance.now();
      if (now - lastWrite >= 100 || stage !== lastStage || done === total) {
        updateJob(db, jobId, { done, total, ...(stage !== undefined ? { stage } : {}) });
        lastWrite = now;
        lastStage = stage;
      }
      await yieldToServer();
    },
  };
  try {
    const outcome = await handler(context);
    updateJob(db, jobId, {
      state: "succeeded",
      result: outcome.result ?? null,
      ...(outcome.file ? { file: outcome.file.bytes, fileName: outcome.file.name, fileType: outcome.file.type } : {}),
      finishedAt: new Date(),
    });
  } catch (error) {
    const message = error instanceof JobFailure ? error.message : "The operation stopped because of an error in the server. Nothing was changed; try again.";
    if (!(error instanceof JobFailure)) console.error(`Job ${jobId} failed:`, error);
    updateJob(db, jobId, { state: "failed", error: message, finishedAt: new Date() });
  } finally {
    running.delete(jobId);
  }
}

/** A failure the person can act on: its message is shown as it is. */
export class JobFailure extends Error {}

/**
 * The job as the page shows it. A job left running by a server that stopped is
 * marked failed here: nothing will ever finish it.
 */
export function readJob(db: DB, organisationId: string, jobId: string): JobView | null {
  const job = getJob(db, organisationId, jobId);
  if (job && (job.state === "queued" || job.state === "running") && !running.has(job.id)) {
    updateJob(db, job.id, { state: "failed", error: "The server restarted before this finished. Start it again.", finishedAt: new Date() });
    return getJob(db, organisationId, jobId);
  }
  return job;
}

/** Resolves when the job has finished (tests and command-line callers wait on it). */
export async function waitForJob(jobId: string): Promise<void> {
  await running.get(jobId);
}
