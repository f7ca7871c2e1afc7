/** A human string in English plus any other declared locales. English is always present. */
export type LocalizedText = { en: string } & { [locale: string]: string };

/** The text in `locale`, else in its base language ("de" for "de-CH"), else in English. */
export function text(localized: LocalizedText, locale = "en"): string {
  const base = locale.split("-")[0] ?? locale;
  return localized[locale] ?? localized[base] ?? localized.en;
}
