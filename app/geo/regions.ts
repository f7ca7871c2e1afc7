import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };

countries.registerLocale(en);

// The package's first English name is the formal one ("Russian Federation",
// "Taiwan, Province of China"); legal readers expect the common short name.
const commonNames: Record<string, string> = {
  US: "United States",
  RU: "Russia",
  CN: "China",
  IR: "Iran",
  TW: "Taiwan",
  CZ: "Czechia",
  MK: "North Macedonia",
  TZ: "Tanzania",
  MD: "Moldova",
  KR: "South Korea",
  VE: "Venezuela",
  BO: "Bolivia",
  SY: "Syria",
  LA: "Laos",
  VA: "Holy See",
  FM: "Micronesia",
  PS: "Palestine",
};

// Subdivisions that the catalogue and the questionnaires name (ISO 3166-2).
const subdivisionNames: Record<string, string> = {
  "CA-AB": "Alberta",
  "CA-BC": "British Columbia",
  "CA-MB": "Manitoba",
  "CA-NB": "New Brunswick",
  "CA-NL": "Newfoundland and Labrador",
  "CA-NS": "Nova Scotia",
  "CA-NT": "Northwest Territories",
  "CA-NU": "Nunavut",
  "CA-ON": "Ontario",
  "CA-PE": "Prince Edward Island",
  "CA-QC": "Québec",
  "CA-SK": "Saskatchewan",
  "CA-YT": "Yukon",
  "US-CA": "California",
  "US-CO": "Colorado",
  "US-CT": "Connecticut",
  "US-NY": "New York",
  "US-TX": "Texas",
  "US-VA": "Virginia",
  "US-WA": "Washington",
  "US-OR": "Oregon",
  "US-IL": "Illinois",
  "US-MA": "Massachusetts",
  "US-FL": "Florida",
  "US-GA": "Georgia",
  "US-OH": "Ohio",
  "US-NJ": "New Jersey",
  "US-UT": "Utah",
  "US-DE": "Delaware",
  "AE-AZ": "Abu Dhabi",
  "AE-DU": "Dubai",
  "AE-SH": "Sharjah",
  "AE-DIFC": "Dubai International Financial Centre",
  "AE-ADGM": "Abu Dhabi Global Market",
  "AU-NSW": "New South Wales",
  "AU-VIC": "Victoria",
  "AU-QLD": "Queensland",
  "AU-WA": "Western Australia",
  "AU-SA": "South Australia",
  "AU-TAS": "Tasmania",
  "AU-ACT": "Australian Capital Territory",
  "AU-NT": "Northern Territory",
  "GB-ENG": "England",
  "GB-SCT": "Scotland",
  "GB-WLS": "Wales",
  "GB-NIR": "Northern Ireland",
};

export function isKnownCountry(code: string): boolean {
  return countries.isValid(code);
}

/** "Germany" for "DE"; "Québec, Canada" for "CA-QC"; the code itself when unknown. */
export function regionName(code: string): string {
  const country = code.slice(0, 2);
  const countryName = commonNames[country] ?? countries.getName(country, "en") ?? country;
  if (code.length === 2) return countryName;
  const subdivision = subdivisionNames[code];
  return subdivision ? `${subdivision}, ${countryName}` : `${countryName} (${code.slice(3)})`;
}

/** "Germany (DE)": names with their code, the way legal readers check them. */
export function regionLabel(code: string): string {
  return `${regionName(code)} (${code})`;
}

/** Every ISO 3166-1 country, sorted by name, for pickers. */
export function allCountries(): { code: string; name: string }[] {
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, name: regionName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}

export function knownSubdivisions(country?: string): { code: string; name: string }[] {
  return Object.entries(subdivisionNames)
    .filter(([code]) => !country || code.startsWith(`${country}-`))
    .map(([code, name]) => ({ code, name }));
}
