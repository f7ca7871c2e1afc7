import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { assessors, hasRole, readers } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { regionLabel } from "~/geo/regions";
import { getVendor } from "~/models/vendors.server";
import { formatDate, tierLabels } from "~/ui/format";
import { invariantResponse } from "~/utils/invariant";
import { StatusTag } from "~/ui/status-tag";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.vendor.name} · Custodian` : "Vendor · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const db = getDb();
  const vendor = getVendor(db, organisation.id, params.vendorId ?? "");
  invariantResponse(vendor, "Vendor not found", { status: 404 });
  const latest = vendor.assessments[0];
  return { vendor, canStartNextReview: latest?.status === "finalised" && hasRole(requireUser(request).role, assessors) };
}

export default function VendorPage() {
  const { vendor, canStartNextReview } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[{ to: "/", label: "Vendors" }]} current={vendor.name} />
      <h1>{vendor.name}</h1>
      <dl className="summary-list">
        <div>
          <dt>Service</dt>
          <dd>{vendor.service}</dd>
        </div>
        <div>
          <dt>Legal entity established in</dt>
          <dd>{vendor.country ? regionLabel(vendor.country) : "Not stated"}</dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd>{vendor.website ? <a href={vendor.website}>{vendor.website}</a> : "Not stated"}</dd>
        </div>
        <div>
          <dt>Risk tier</dt>
          <dd>{vendor.tier ? tierLabels[vendor.tier] : "Not tiered yet"}</dd>
        </div>
      </dl>

      <h2>Assessments</h2>
      {canStartNextReview ? (
        <p>
          <Link to={`/vendors/${vendor.id}/next-cycle`}>Start the next review from the last assessment</Link>
        </p>
      ) : null}
      {vendor.assessments.length === 0 ? (
        <p>No assessment has been started for this vendor.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
                <th scope="col">Last update</th>
              </tr>
            </thead>
            <tbody>
              {vendor.assessments.map((assessment) => (
                <tr key={assessment.id}>
                  <th scope="row">
                    <Link to={`/assessments/${assessment.id}`}>
                      Assessment of {formatDate(assessment.createdAt)}
                    </Link>
                  </th>
                  <td>
                    {assessment.questionnaireId} v{assessment.questionnaireVersion}
                  </td>
                  <td>
                    <StatusTag status={assessment.status} />
                  </td>
                  <td>{assessment.dueDate ? formatDate(assessment.dueDate) : "No due date"}</td>
                  <td>{formatDate(assessment.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
