import type { DB } from "#db/database";
import { purgeExpiredEvidence, type PurgeReport } from "~/models/evidence.server";
import type { EvidenceStore } from "./store.server";

const DAY = 24 * 60 * 60 * 1000;

export function describePurge(report: PurgeReport): string {
  const files = report.purged.length;
  const assessments = new Set(report.purged.map((p) => p.assessmentId)).size;
  if (files === 0) return "Evidence retention: no file is due for deletion.";
  return `Evidence retention: deleted ${files === 1 ? "1 file" : `${files} files`} of ${assessments === 1 ? "1 finalised assessment" : `${assessments} finalised assessments`}.`;
}

/**
 * Applies every organisation's retention period now and then once a day, for
 * as long as the server runs. The timer does not keep the process alive.
 */
export function scheduleEvidenceRetention(openDb: () => DB, store: () => EvidenceStore, log: (line: string) => void = console.log) {
  const run = () => {
    try {
      const report = purgeExpiredEvidence(openDb(), store());
      if (report.purged.length > 0) log(describePurge(report));
    } catch (error) {
      // A failed run is retried the next day; the files stay until then.
      log(`Evidence retention failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  run();
  const timer = setInterval(run, DAY);
  timer.unref();
  return timer;
}
