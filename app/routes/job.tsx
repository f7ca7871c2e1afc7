import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { EXPORT_JOB, RESCORE_JOB } from "~/jobs/portfolio-jobs.server";
import { readJob } from "~/jobs/runner.server";
import { IMPORT_JOB } from "~/offline/workbook.server";
import { formatDate } from "~/ui/format";
import { isUnderway, JobProgress } from "~/ui/job-progress";
import { invariantResponse } from "~/utils/invariant";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Custodian` : "Progress · Custodian" }];

const titles: Record<string, string> = {
  [RESCORE_JOB]: "Re-scoring the portfolio",
  [EXPORT_JOB]: "Exporting the portfolio",
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const job = readJob(getDb(), user.organisationId, params.jobId ?? "");
  invariantResponse(job, "Not found", { status: 404 });
  // Imports have their own page, with the preview.
  if (job.kind === IMPORT_JOB && job.assessmentId) {
    throw new Response(null, { status: 302, headers: { Location: `/assessments/${job.assessmentId}/imports/${job.id}` } });
  }
  const payload = {
    title: titles[job.kind] ?? "Background job",
    job: {
      id: job.id,
      state: job.state,
      done: job.done,
      total: job.total,
      stage: job.stage,
      error: job.error,
      hasFile: job.hasFile,
      fileName: job.fileName,
      createdBy: job.createdBy,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
    },
  };
  return payload;
}

export default function JobPage() {
  const { title, job } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[{ to: "/portfolio", label: "Portfolio" }]} current={title} />
      <h1>{title}</h1>
      <p>
        Started by {job.createdBy} on {formatDate(job.createdAt)}.
      </p>
      {isUnderway(job) ? <JobProgress job={job} label={title} /> : null}
      {job.state === "succeeded" ? (
        <div className="notice notice--ok" role="status">
          <p>
            Done: {job.done} of {job.total}
            {job.finishedAt ? `, finished on ${formatDate(job.finishedAt)}` : ""}.
          </p>
          {job.hasFile ? (
            <p>
              <a className="button" href={`/jobs/${job.id}/file`} download>
                Download {job.fileName}
              </a>
            </p>
          ) : null}
          <p>
            <Link to="/portfolio">Back to the portfolio</Link>
          </p>
        </div>
      ) : null}
      {job.state === "failed" ? (
        <div className="notice notice--danger" role="alert">
          <p>{job.error}</p>
          <p>
            <Link to="/portfolio">Back to the portfolio</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}
