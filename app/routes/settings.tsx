import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { administrators } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { getOrganisationSettings, setEvidenceRetention } from "~/models/organisation-settings.server";
import { userActor } from "~/models/workflow.server";
import { ErrorSummary } from "~/ui/error-summary";
import { formatDate } from "~/ui/format";
import { TextField } from "~/ui/form-fields";
import { readFormData } from "~/utils/form-data.server";
import { parseForm, RetentionFormSchema } from "~/workflow/forms";

export const meta: MetaFunction = () => [{ title: "Settings · Custodian" }];

export function loader({ request }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: administrators });
  const settings = getOrganisationSettings(getDb(), organisation.id);
  return {
    organisation,
    retentionDays: settings.evidenceRetentionDays,
    updatedAt: settings.updatedAt?.toISOString() ?? null,
    saved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: administrators });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const parsed = parseForm(RetentionFormSchema, formData, ["days"]);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 422 });
  setEvidenceRetention(getDb(), { organisationId: user.organisationId, days: parsed.value.days, actor: userActor(user) });
  throw redirect("/settings?saved=1");
}

export default function SettingsPage() {
  const { organisation, retentionDays, updatedAt, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.errors.days;
  return (
    <div className="narrow">
      <ErrorSummary errors={error ? [{ fieldId: "retention-days", message: error }] : []} />
      <h1>Settings of {organisation.name}</h1>
      {saved ? (
        <p className="notice notice--ok" role="status">
          The retention period was saved.
        </p>
      ) : null}
      <section aria-labelledby="retention-title">
        <h2 id="retention-title">Evidence retention</h2>
        <p>
          Files vendors attach are kept encrypted. Once an assessment is finalised, you can have its files deleted after a number of days. The
          record of each file stays, with its checksum and the day it was deleted, and the deletion is part of the audit trail.
        </p>
        <p>
          {retentionDays === null ? "Files are kept for as long as the assessment exists." : `Files are deleted ${retentionDays} days after finalising.`}
          {updatedAt ? ` Last changed on ${formatDate(updatedAt)}.` : ""}
        </p>
        <Form method="post" noValidate className="panel">
          <CsrfInput />
          <TextField
            id="retention-days"
            name="days"
            label="Keep evidence for this many days after finalising"
            hint="From 1 to 3650. Leave it empty to keep files."
            error={error}
            defaultValue={actionData?.values.days ?? (retentionDays === null ? "" : String(retentionDays))}
            inputMode="numeric"
            width="code"
          />
          <button type="submit" className="button">
            Save
          </button>
        </Form>
      </section>
    </div>
  );
}
