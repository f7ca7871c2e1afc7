import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { getEnv } from "~/env.server";
import { listOutbox } from "~/models/outbox.server";
import { formatDate } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Outbox · Custodian" }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: ["admin"] });
  return {
    smtpConfigured: Boolean(getEnv().SMTP_URL),
    messages: listOutbox(getDb(), user.organisationId).map((m) => ({
      id: m.id,
      recipient: m.recipient,
      subject: m.subject,
      lines: m.body.split("\n"),
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export default function OutboxPage() {
  const { smtpConfigured, messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outbox</h1>
      {smtpConfigured ? (
        <p className="notice">
          Mail now goes to the SMTP server set in <code>SMTP_URL</code>. Messages kept before it was set are shown
          below.
        </p>
      ) : (
        <p className="notice notice--warning">
          No mail server is set (<code>SMTP_URL</code>), so the mail Custodian sends for your organisation is kept
          here instead. Pass each message on to its recipient: a vendor link in it opens that vendor's questionnaire.
          Password reset links are never kept here, so no one can choose another person's password from this page;
          they are written to the server's log for whoever runs Custodian.
        </p>
      )}
      {messages.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <ol className="plain-list mail-list">
          {messages.map((message) => (
            <li key={message.id} className="panel mail">
              <h2 className="mail__subject">{message.subject}</h2>
              <dl className="mail__meta">
                <div>
                  <dt>To</dt>
                  <dd>{message.recipient}</dd>
                </div>
                <div>
                  <dt>Kept</dt>
                  <dd>
                    <time dateTime={message.createdAt}>
                      {formatDate(message.createdAt)}, {timeFormat.format(new Date(message.createdAt))} UTC
                    </time>
                  </dd>
                </div>
              </dl>
              <div className="mail__body">
                {message.lines.map((line, index) =>
                  /^https?:\/\/\S+$/.test(line) ? (
                    <p key={index}>
                      <a href={line}>{line}</a>
                    </p>
                  ) : (
                    <p key={index}>{line || "\u00a0"}</p>
                  ),
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
