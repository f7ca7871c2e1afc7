import type { LoaderFunctionArgs } from "@remix-run/node";
import { readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { evidenceDownload } from "~/evidence/download.server";
import { evidenceStoreFromEnv } from "~/evidence/store.server";
import { getEvidenceFile, recordEvidenceDownload } from "~/models/evidence.server";
import { userActor } from "~/models/workflow.server";
import { invariantResponse } from "~/utils/invariant";

// An evidence file for the buyer's staff; every download is an audit event.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const assessmentId = params.assessmentId ?? "";
  const file = getEvidenceFile(db, user.organisationId, assessmentId, params.evidenceId ?? "");
  invariantResponse(file, "File not found", { status: 404 });
  const response = evidenceDownload(evidenceStoreFromEnv(), file);
  if (response.ok) recordEvidenceDownload(db, { organisationId: user.organisationId, assessmentId, evidence: file, actor: userActor(user) });
  return response;
}
