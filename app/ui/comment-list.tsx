import { formatDate } from "./format";

export interface CommentItem {
  id: string;
  visibility: "internal" | "shared";
  body: string;
  author: string;
  fromVendor: boolean;
  createdAt: string | Date;
}

/** A question's comments, oldest first; the buyer sees which are internal. */
export function CommentList({ comments, audience }: { comments: CommentItem[]; audience: "buyer" | "vendor" }) {
  if (comments.length === 0) return <p>No comments yet.</p>;
  return (
    <ol className="comment-list">
      {comments.map((comment) => (
        <li key={comment.id} className={`comment${comment.fromVendor ? " comment--vendor" : ""}`}>
          <p className="comment__meta">
            <strong>{comment.author}</strong> on {formatDate(comment.createdAt)}
            {audience === "buyer" ? (
              <span className={`tag ${comment.visibility === "internal" ? "tag--internal" : "tag--shared"}`}>
                {comment.visibility === "internal" ? "Internal" : "Shared with the vendor"}
              </span>
            ) : null}
          </p>
          <div className="comment__body">
            {comment.body.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
