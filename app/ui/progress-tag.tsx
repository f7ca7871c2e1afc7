import type { ProgressStatus } from "~/questionnaire";

const labels: Record<ProgressStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
};

export function ProgressTag({ status }: { status: ProgressStatus }) {
  return <span className={`tag tag--progress-${status}`}>{labels[status]}</span>;
}
