import type { LoaderFunctionArgs } from "@remix-run/node";
import { readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { getJob, getJobFile } from "~/models/jobs.server";
import { IMPORT_JOB } from "~/offline/workbook.server";
import { invariantResponse } from "~/utils/invariant";

// The file a finished export job produced.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const job = getJob(db, user.organisationId, params.jobId ?? "");
  // An uploaded workbook is the vendor's input, not a download.
  invariantResponse(job && job.kind !== IMPORT_JOB && job.state === "succeeded", "Not found", { status: 404 });
  const file = getJobFile(db, user.organisationId, job.id);
  invariantResponse(file, "Not found", { status: 404 });
  return new Response(new Uint8Array(file.file), {
    headers: {
      "Content-Type": file.fileType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
