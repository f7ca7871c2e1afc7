import { Link } from "@remix-run/react";
import { formatDate } from "./format";

export interface Crumb {
  to: string;
  label: string;
}

/** Where this page sits: each step back a link, the page itself marked current. */
export function Breadcrumbs({ trail, current }: { trail: readonly Crumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

/** Vendors › the vendor › Assessment of its start date: where every page of an assessment sits. */
export function assessmentTrail(vendor: { id: string; name: string }, assessmentPath: string, startedAt: Date | string): Crumb[] {
  return [
    { to: "/", label: "Vendors" },
    { to: `/vendors/${vendor.id}`, label: vendor.name },
    { to: assessmentPath, label: `Assessment of ${formatDate(startedAt)}` },
  ];
}
