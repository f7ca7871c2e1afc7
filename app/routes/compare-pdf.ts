import type { LoaderFunctionArgs } from "@remix-run/node";
import { readers } from "~/auth/permissions";
import { requireUserOrganisation } from "~/auth/session.server";
import { loadComparison } from "~/assessments/compare.server";
import { reportPdfResponse } from "~/assessments/report.server";
import { getDb } from "~/db.server";
import { comparisonReport } from "~/portfolio/compare-report";
import { parseCompareQuery } from "~/portfolio/compare";

export async function loader({ request }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const query = parseCompareQuery(new URL(request.url).searchParams);
  if (!query.ok) throw new Response(query.message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { model, issuedAt } = loadComparison(getDb(), organisation, query.vendorIds);
  return reportPdfResponse(comparisonReport(model, { buyer: organisation.name, issuedAt }));
}
