import countries from "i18n-iso-countries";
import { isIsoSubdivision } from "~/geo/subdivisions";

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
    if (!isIsoSubdivision(country, sub)) {
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

