import countries from "i18n-iso-countries";

// i18n-iso-countries knows no ISO 3166-2 subdivisions. For the countries whose
// provinces or states have their own privacy law (Québec Law 25, BC FIPPA,
// state laws in the US and Australia) the list is checked; other subdivisions
// only need a well-formed code of a real country.
const knownSubdivisions: Record<string, readonly string[]> = {
  CA: ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"],
  AU: ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"],
  US: [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "AS", "GU", "MP", "PR", "UM", "VI",
  ],
};

export type RegionCheck = { ok: true } | { ok: false; message: string };

/** Checks an ISO 3166-1 alpha-2 code, or with `subdivisions` also an ISO 3166-2 code. */
export function checkRegion(code: string, subdivisions: boolean): RegionCheck {
  if (/^[A-Z]{2}$/.test(code)) {
    return countries.isValid(code)
      ? { ok: true }
      : { ok: false, message: `"${code}" is not an ISO 3166-1 country code` };
  }
  const match = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code);
  if (match && subdivisions) {
    const [, country = "", sub = ""] = match;
    if (!countries.isValid(country)) {
      return { ok: false, message: `"${code}" does not start with an ISO 3166-1 country code` };
    }
    const known = knownSubdivisions[country];
    if (known && !known.includes(sub)) {
      return { ok: false, message: `"${code}" is not an ISO 3166-2 subdivision of ${country}` };
    }
    return { ok: true };
  }
  if (/^[a-z]{2}(-[a-z0-9]{1,3})?$/i.test(code) && code !== code.toUpperCase()) {
    return { ok: false, message: `write country codes in upper case ("${code.toUpperCase()}")` };
  }
  if (match) {
    return { ok: false, message: `"${code}" is a subdivision; this question asks for a country` };
  }
  return {
    ok: false,
    message: subdivisions
      ? `"${code}" is not an ISO 3166 code such as "DE" or "CA-QC"`
      : `"${code}" is not an ISO 3166-1 alpha-2 code such as "DE"`,
  };
}

