import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { publicOrigin } from "~/auth/password-reset.server";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { assessors, hasRole, readers } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { inviteVendorContact } from "~/portal/invite.server";
import { DEFAULT_LINK_DAYS, invitationState, listInvitations, revokeInvitation } from "~/models/vendor-invitations.server";
import { userActor } from "~/models/workflow.server";
import workflowStyles from "~/styles/workflow.css?url";
import { ErrorSummary } from "~/ui/error-summary";
import { formatDate } from "~/ui/format";
import { StatusTag } from "~/ui/status-tag";
import { TextField } from "~/ui/form-fields";
import { readFormData } from "~/utils/form-data.server";
import { invariantResponse } from "~/utils/invariant";
import { InvitationFormSchema, parseForm } from "~/workflow/forms";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Vendor links · ${data.vendor.name} · Custodian` : "Vendor links · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const { assessment } = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const now = new Date();
  return {
    assessmentId: assessment.id,
    status: assessment.status,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    canInvite: hasRole(user.role, assessors) && assessment.status !== "finalised",
    defaultDays: DEFAULT_LINK_DAYS,
    invitations: listInvitations(db, user.organisationId, assessment.id).map((i) => ({ ...i, state: invitationState(i, now) })),
    notice: new URL(request.url).searchParams.get("done"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const organisation = requireUserOrganisation(request, { roles: assessors });
  const db = getDb();
  const { assessment } = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const here = `/assessments/${assessment.id}/invitations`;
  const intent = formData.get("intent");
  if (intent === "revoke") {
    const invitationId = formData.get("invitationId");
    invariantResponse(typeof invitationId === "string" && invitationId.length <= 64, 'Field "invitationId" is missing', { status: 400 });
    const revoked = revokeInvitation(db, { organisationId: user.organisationId, assessmentId: assessment.id, invitationId, actor: userActor(user) });
    invariantResponse(revoked, "That link does not exist or was already withdrawn.", { status: 409 });
    throw redirect(`${here}?done=revoked`);
  }
  invariantResponse(intent === "invite", 'Field "intent" must be invite or revoke', { status: 400 });
  const parsed = parseForm(InvitationFormSchema, formData, ["name", "email", "days"]);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: null }, { status: 422 });
  const sent = await inviteVendorContact(db, {
    organisation,
    assessmentId: assessment.id,
    vendorName: assessment.vendor.name,
    contact: { name: parsed.value.name, email: parsed.value.email },
    days: parsed.value.days,
    actor: userActor(user),
    origin: publicOrigin(request),
  });
  return {
    errors: {},
    values: {},
    sent: {
      link: sent.link,
      email: parsed.value.email.toLowerCase(),
      expiresAt: sent.expiresAt.toISOString(),
      replaced: sent.replaced,
      via: sent.delivery.via,
      failure: sent.delivery.via === "failed" ? sent.delivery.message : null,
    },
  };
}

const stateWords = { active: "Works", expired: "Expired", revoked: "Withdrawn" } as const;

export default function AssessmentInvitationsPage() {
  const { assessmentId, status, startedAt, vendor, canInvite, defaultDays, invitations, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const sent = actionData?.sent ?? null;
  const base = `/assessments/${assessmentId}`;
  return (
    <>
      <Breadcrumbs trail={assessmentTrail(vendor, base, startedAt)} current="Vendor links" />
      <ErrorSummary
        errors={(["name", "email", "days"] as const).flatMap((f) => (errors[f] ? [{ fieldId: `invite-${f}`, message: errors[f]! }] : []))}
      />
      <h1>Vendor links</h1>
      <p className="lead">
        Each contact at {vendor.name} gets their own link to answer this assessment. A link works for one assessment only, until it
        expires or you withdraw it. <StatusTag status={status} />
      </p>
      {notice === "revoked" ? (
        <p className="notice notice--ok" role="status">
          The link was withdrawn. It no longer opens the questionnaire.
        </p>
      ) : null}
      {sent ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>
              {sent.via === "failed"
                ? `The link for ${sent.email} was created, but the mail could not be sent (${sent.failure}).`
                : sent.via === "outbox"
                  ? `The invitation for ${sent.email} is in the outbox: no mail server is set, so an administrator passes it on.`
                  : `The invitation was mailed to ${sent.email}.`}
            </strong>{" "}
            {sent.replaced ? "Their previous link no longer works. " : ""}
            The link works until {formatDate(sent.expiresAt)}.
          </p>
          <p>Copy it now if you need to give it another way: it is not shown again, and Custodian keeps only a fingerprint of it.</p>
          <code className="secret-link" aria-label="The new vendor link">
            {sent.link}
          </code>
        </div>
      ) : null}

      <section aria-labelledby="links-title">
        <h2 id="links-title">Links</h2>
        {invitations.length === 0 ? (
          <p>No one has been invited yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Vendor links of this assessment, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Contact</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Works until</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row">
                      {invitation.contactName}
                      <br />
                      <span className="hint">{invitation.contactEmail}</span>
                    </th>
                    <td>{formatDate(invitation.createdAt)}</td>
                    <td>{formatDate(invitation.expiresAt)}</td>
                    <td>{invitation.lastUsedAt ? formatDate(invitation.lastUsedAt) : "Not yet"}</td>
                    <td className={`link-state--${invitation.state}`}>{stateWords[invitation.state]}</td>
                    <td>
                      {canInvite && invitation.state !== "revoked" ? (
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <button type="submit" name="intent" value="revoke" className="button button--secondary button--small">
                            Withdraw<span className="visually-hidden"> the link of {invitation.contactName}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canInvite ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">Invite a contact</h2>
          <p>Inviting someone who already has a link sends them a new one; the old one stops working.</p>
          <Form method="post" noValidate className="panel narrow">
            <CsrfInput />
            <TextField id="invite-name" name="name" label="Contact's name" error={errors.name} defaultValue={values.name} autoComplete="off" />
            <TextField
              id="invite-email"
              name="email"
              type="email"
              label="Email address"
              error={errors.email}
              defaultValue={values.email}
              autoComplete="off"
            />
            <TextField
              id="invite-days"
              name="days"
              label="Days the link works"
              hint="From 1 to 90."
              error={errors.days}
              defaultValue={values.days ?? String(defaultDays)}
              inputMode="numeric"
              width="code"
            />
            <button type="submit" name="intent" value="invite" className="button">
              Send the link
            </button>
          </Form>
        </section>
      ) : status === "finalised" ? (
        <p className="notice">This assessment is finalised: no one can be invited to answer it any more.</p>
      ) : null}
      <p>
        <Link to={base}>Back to the assessment</Link>
      </p>
    </>
  );
}
