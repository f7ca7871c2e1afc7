import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getOrganisation } from "~/models/organisations.server";
import { questionnaireWorkbook } from "~/offline/workbook.server";
import { portalHeaders, requireVendorLink } from "~/portal/link.server";
import { requirePortalWorkspace } from "~/portal/workspace.server";

// The vendor's questionnaire as a workbook for answering offline, with their answers so far.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const buyer = getOrganisation(db, link.organisationId) ?? { id: link.organisationId, name: "The buyer" };
  const { bytes, fileName } = await questionnaireWorkbook(db, buyer, workspace);
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...portalHeaders,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName}"`,
    },
  });
}
