import { Link } from "@remix-run/react";
import type { QuestionThread } from "~/assessments/collaboration.server";
import { formatDate } from "./format";

/** Under a question's title: what the reviewer asked for when they returned it, and a link to its comments. */
export function QuestionNote({ thread, href, audience }: { thread: QuestionThread | undefined; href: string; audience: "buyer" | "vendor" }) {
  const comments = thread?.comments ?? 0;
  return (
    <div className="question-note">
      {thread?.openReturn ? (
        <div className="notice notice--warning">
          <p>
            <strong>{audience === "vendor" ? "Returned to you" : "Returned to the vendor"}</strong> by {thread.openReturn.by} on{" "}
            {formatDate(thread.openReturn.at)}:
          </p>
          <p className="question-note__request">{thread.openReturn.request}</p>
        </div>
      ) : null}
      <p className="question-note__comments">
        <Link to={href}>
          {comments === 0 ? "Comments" : comments === 1 ? "1 comment" : `${comments} comments`}
          {audience === "vendor" ? " and questions to the buyer" : ""}
        </Link>
      </p>
    </div>
  );
}
