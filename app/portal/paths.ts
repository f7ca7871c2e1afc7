/** A URL of the vendor portal under the link's token. */
export function portalPath(link: { token: string }, path = ""): string {
  return `/portal/${link.token}${path}`;
}

/** How a blank "operated by" reads to the vendor. */
export const VENDOR_LABEL = "Your company";
