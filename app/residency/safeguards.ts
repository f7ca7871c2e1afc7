import type { Safeguard } from "~/datamap/schema";

/** How a safeguard reads in a basis sentence; the DataMap code follows in brackets. */
export const safeguardLabels: Readonly<Record<Safeguard, string>> = {
  "eu-scc": "EU standard contractual clauses",
  "uk-idta": "the UK International Data Transfer Agreement",
  "uk-addendum": "the UK Addendum to the EU SCCs",
  "ch-scc": "the EU SCCs with the Swiss adaptations",
  bcr: "binding corporate rules",
  dpf: "listing on the Data Privacy Framework List",
  "dpf-uk": "participation in the DPF UK Extension",
  "dpf-ch": "certification under the Swiss-US DPF",
  tia: "a transfer impact assessment",
  pia: "a privacy impact assessment",
  contract: "a binding contract giving comparable protection",
  notice: "notice to the data subjects",
  consent: "the data subjects' consent",
  baa: "a HIPAA business associate agreement",
  "cn-standard-contract": "the CAC standard contract",
  "cn-security-assessment": "a CAC security assessment",
  "cn-certification": "personal-information protection certification",
  "br-scc": "the ANPD standard contractual clauses",
  "ar-model-clauses": "the AAIP model clauses",
  "ru-notification": "notification of Roskomnadzor",
  "tr-scc-notified": "the Turkish standard contract, notified to the Authority",
  "vn-ctia-filed": "a cross-border transfer impact assessment filed with the MPS",
  "sa-scc": "the SDAIA standard contractual clauses",
  "il-undertaking": "the recipient's undertaking under Reg. 2(4)",
  "cisa-security-requirements": "the CISA security requirements",
};

export function describeSafeguard(safeguard: Safeguard): string {
  return `${safeguardLabels[safeguard]} (${safeguard})`;
}

/** "eu-scc + uk-addendum": the codes of one mechanism, for obligations. */
export function joinCodes(safeguards: readonly Safeguard[]): string {
  return safeguards.join(" + ");
}
