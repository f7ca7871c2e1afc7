import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { evidenceDownload } from "~/evidence/download.server";
import { evidenceStoreFromEnv } from "~/evidence/store.server";
import { getEvidenceFile, recordEvidenceDownload } from "~/models/evidence.server";
import { requireVendorLink } from "~/portal/link.server";
import { invariantResponse } from "~/utils/invariant";

// A file of the vendor's own assessment, through their link; every download is an audit event.
export function loader({ params, context }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const file = getEvidenceFile(db, link.organisationId, link.assessmentId, params.evidenceId ?? "");
  invariantResponse(file, "File not found", { status: 404 });
  const response = evidenceDownload(evidenceStoreFromEnv(), file);
  if (response.ok) recordEvidenceDownload(db, { organisationId: link.organisationId, assessmentId: link.assessmentId, evidence: file, actor: link.actor });
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
