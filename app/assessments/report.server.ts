import type { DB } from "#db/database";
import type { Organisation } from "~/models/organisations.server";
import { getScoreVersionSnapshot, listScoreVersions } from "~/models/score-versions.server";
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

// A score version never changes (the table refuses updates), so neither does
// its report: models of recent versions are kept, by version id.
const frozenModels = new Map<string, ReportModel>();
const FROZEN_MODELS_KEPT = 32;

/** Throws a 404 Response when the assessment is not the organisation's. */
export function loadAssessmentReport(db: DB, organisation: Organisation, assessmentId: string, now = new Date()): AssessmentReport {
  const workspace = requireAssessmentWorkspace(db, organisation.id, assessmentId);
  if (workspace.assessment.status === "finalised") {
    const newest = listScoreVersions(db, organisation.id, assessmentId)[0];
    if (newest) {
      let model = frozenModels.get(newest.id);
      if (!model) {
        const snapshot = getScoreVersionSnapshot(db, organisation.id, newest.id);
        if (!snapshot) throw new Error(`Score version ${newest.id} vanished while it was read`);
        const version: ReportVersion = {
          number: newest.version,
          reason: newest.reason,
          createdAt: newest.createdAt.toISOString(),
          createdBy: newest.createdBy,
        };
        model = fromSnapshot(snapshot, version);
        if (frozenModels.size >= FROZEN_MODELS_KEPT) frozenModels.delete(frozenModels.keys().next().value!);
        frozenModels.set(newest.id, model);
      }
      return { model, version: newest.version };
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
