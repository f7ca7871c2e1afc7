import type { AssessmentStatus } from "#db/schema";
import { statusLabels } from "./format";

export function StatusTag({ status }: { status: AssessmentStatus }) {
  return <span className={`tag tag--${status}`}>{statusLabels[status]}</span>;
}
