import type { DB } from "#db/database";
import type { Organisation } from "~/models/organisations.server";
import { getNewestScoreVersion } from "~/models/score-versions.server";
import { getPinnedQuestionnaire } from "~/questionnaire/registry.server";
import { buildReport, renderReportPdf, type ReportModel, type ReportVersion } from "~/report";
import { liveScoreSnapshot } from "./score.server";
import type { ScoreSnapshot } from "./score-snapshot";
import { requireAssessmentWorkspace } from "./workspace.server";

// The report of an assessment: a finalised one always from its newest frozen
// score version (so the same version gives the same report, whatever changed
// since); any other live, marked "Draft: not finalised".

export interface AssessmentReport {
  model: ReportModel;
  /** The score version it was built from; null for a live draft. */
  version: number | null;
}

function fromSnapshot(snapshot: ScoreSnapshot, version: ReportVersion | null): ReportModel {
  const pinned = getPinnedQuestionnaire(snapshot.questionnaire);
  if (!pinned.ok) throw new Error(`Assessment ${snapshot.assessment.id}: ${pinned.message}`);
  const { format: _format, questionnaire: _pin, ...input } = snapshot;
  return buildReport({ ...input, questionnaire: pinned.questionnaire, version });
}

/** Throws a 404 Response when the assessment is not the organisation's. */
export function loadAssessmentReport(db: DB, organisation: Organisation, assessmentId: string, now = new Date()): AssessmentReport {
  const workspace = requireAssessmentWorkspace(db, organisation.id, assessmentId);
  if (workspace.assessment.status === "finalised") {
    const frozen = getNewestScoreVersion(db, organisation.id, assessmentId);
    if (frozen) {
      const version: ReportVersion = {
        number: frozen.version,
        reason: frozen.reason,
        createdAt: frozen.createdAt.toISOString(),
        createdBy: frozen.createdBy,
      };
      return { model: fromSnapshot(frozen.snapshot, version), version: frozen.version };
    }
  }
  return { model: fromSnapshot(liveScoreSnapshot(db, organisation, workspace, now), null), version: null };
}

/**
 * The report's PDF as a download. SOURCE_DATE_EPOCH, when set, fixes the
 * PDF's dates (reproducible builds); otherwise they are the report's own.
 */
export async function reportPdfResponse(model: ReportModel, sourceDateEpoch = process.env.SOURCE_DATE_EPOCH): Promise<Response> {
  const bytes = await renderReportPdf(model, { sourceDateEpoch });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${model.fileName}"`,
      "Content-Length": String(bytes.byteLength),
      // A report carries customer and vendor details: never in a shared cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
