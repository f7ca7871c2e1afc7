import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readers } from "~/auth/permissions";
import { requireUserOrganisation } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { regionLabel } from "~/geo/regions";
import { listVendorSummaries } from "~/models/vendors.server";
import { formatDate, tierLabels } from "~/ui/format";
import { StatusTag } from "~/ui/status-tag";

export const meta: MetaFunction = () => [{ title: "Vendors · Custodian" }];

export function loader({ request }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const db = getDb();
  return { organisation, vendors: listVendorSummaries(db, organisation.id) };
}

export default function Dashboard() {
  const { organisation, vendors } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="eyebrow">{organisation.name}</p>
      <h1>Vendors</h1>
      {vendors.length === 0 ? (
        <p>No vendors yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">
              CRM vendors under due diligence, most recently updated first
            </caption>
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col">Service</th>
                <th scope="col">Established in</th>
                <th scope="col">Tier</th>
                <th scope="col">Assessment status</th>
                <th scope="col">Last update</th>
              </tr>
            </thead>
            <tbody>
              {vendors.map((vendor) => (
                <tr key={vendor.id}>
                  <th scope="row">
                    <Link to={`/vendors/${vendor.id}`}>{vendor.name}</Link>
                  </th>
                  <td>{vendor.service}</td>
                  <td>{vendor.country ? regionLabel(vendor.country) : "Not stated"}</td>
                  <td>{vendor.tier ? tierLabels[vendor.tier] : "Not tiered"}</td>
                  <td>
                    {vendor.latestAssessment ? (
                      <StatusTag status={vendor.latestAssessment.status} />
                    ) : (
                      "No assessment"
                    )}
                  </td>
                  <td>
                    <time dateTime={new Date(vendor.lastUpdate).toISOString()}>
                      {formatDate(vendor.lastUpdate)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
