import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

export interface ProgressView {
  state: "queued" | "running" | "succeeded" | "failed";
  done: number;
  total: number;
  stage: string | null;
}

/** Seconds between refreshes of a page whose job is still running, without JavaScript. */
export const REFRESH_SECONDS = 2;

export function isUnderway(job: ProgressView): boolean {
  return job.state === "queued" || job.state === "running";
}

/**
 * The progress of a background job. Without JavaScript the page reloads itself
 * (a meta refresh, which the CSP allows); with it, the loader is polled and
 * the bar moves in place.
 */
export function JobProgress({ job, label }: { job: ProgressView; label: string }) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  const [scripted, setScripted] = useState(false);
  const underway = isUnderway(job);
  useEffect(() => setScripted(true), []);
  useEffect(() => {
    if (!underway) return;
    const timer = setInterval(() => {
      if (latest.current.state === "idle") latest.current.revalidate();
    }, 600);
    return () => clearInterval(timer);
  }, [underway]);

  if (!underway) return null;
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      {scripted ? null : (
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
      )}
      <label htmlFor="job-progress-bar">{label}</label>
      <progress id="job-progress-bar" max={Math.max(job.total, 1)} value={job.done}>
        {percent}%
      </progress>
      <p className="job-progress__stage">
        {job.state === "queued" ? "Waiting to start…" : `${job.stage ?? "Working"}: ${job.done} of ${job.total} (${percent}%)`}
      </p>
      {scripted ? null : <p className="hint">This page refreshes itself every {REFRESH_SECONDS} seconds until it is done.</p>}
    </div>
  );
}
