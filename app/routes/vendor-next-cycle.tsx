import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireValidCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/auth/csrf-input";
import { assessors } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { getNextCycleStart, startNextCycle } from "~/models/cycles.server";
import { formatDate } from "~/ui/format";
import { readFormData } from "~/utils/form-data.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Next review of ${data.vendor.name} · Custodian` : "Next review · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  return getNextCycleStart(getDb(), user.organisationId, params.vendorId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const { assessmentId } = startNextCycle(getDb(), {
    organisationId: user.organisationId,
    vendorId: params.vendorId ?? "",
    user: { userId: user.id, name: user.name },
  });
  throw redirect(`/assessments/${assessmentId}/changes`);
}

export default function NextCyclePage() {
  const { vendor, from, blocked } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[{ to: "/portfolio", label: "Portfolio" }, { to: `/vendors/${vendor.id}`, label: vendor.name }]} current="Next review" />
      <h1>Start the next review of {vendor.name}</h1>
      {blocked || !from ? (
        <p className="notice notice--warning">{blocked}</p>
      ) : (
        <>
          <p>
            The new assessment starts from the one finalised on {formatDate(from.finalisedAt ?? from.createdAt)}: the same
            scope, and every answer that still fits the newest version of the questionnaire. The vendor confirms each
            carried-over answer or changes it; what changes is highlighted against the last cycle.
          </p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" className="button">
              Start the next review
            </button>
          </Form>
        </>
      )}
    </>
  );
}
