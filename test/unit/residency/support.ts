import { expect } from "vitest";
import { DataMapSchema, type DataMap, type Party } from "~/datamap/schema";
import type { AssessResult, Flow } from "~/residency";

// Builders for DataMaps in tests. Every map goes through the real schema, so a
// test can never judge a map the CLI would refuse.

type PartyInput = Partial<Party> & Pick<Party, "id">;

export function party(input: PartyInput): Party {
  return {
    name: input.id,
    role: "subprocessor",
    locations: [],
    safeguards: [],
    ...input,
  };
}

export function vendor(input: Partial<Party> = {}): Party {
  return party({ id: "vendor", name: "Vendor Ltd", ...input, role: "vendor" });
}

export function dataMap(input: {
  subjects: string[];
  parties: Party[];
  categories?: DataMap["scope"]["categories"];
  sector?: DataMap["scope"]["sector"];
  subjectsCount?: number;
}): DataMap {
  return DataMapSchema.parse({
    scope: {
      subjects: input.subjects,
      categories: input.categories ?? ["contact", "commercial"],
      sector: input.sector ?? "general",
      ...(input.subjectsCount === undefined ? {} : { subjectsCount: input.subjectsCount }),
    },
    parties: input.parties,
  });
}

/** A map with one subject region and one vendor at one location. */
export function single(
  subject: string,
  region: string,
  options: { use?: Party["locations"][number]["use"]; safeguards?: Party["safeguards"]; country?: string; categories?: DataMap["scope"]["categories"] } = {},
): DataMap {
  return dataMap({
    subjects: [subject],
    categories: options.categories,
    parties: [
      vendor({
        locations: [{ region, use: options.use ?? "storage" }],
        safeguards: options.safeguards ?? [],
        ...(options.country ? { country: options.country } : {}),
      }),
    ],
  });
}

export function flowOf(result: AssessResult, where: Partial<Pick<Flow, "subject" | "party" | "region" | "use">>): Flow {
  const found = result.flows.filter(
    (f) =>
      (where.subject === undefined || f.subject === where.subject) &&
      (where.party === undefined || f.party === where.party) &&
      (where.region === undefined || f.region === where.region) &&
      (where.use === undefined || f.use === where.use),
  );
  expect(found, `exactly one flow for ${JSON.stringify(where)}`).toHaveLength(1);
  return found[0] as Flow;
}

/** The only flow of a result. */
export function onlyFlow(result: AssessResult): Flow {
  expect(result.flows).toHaveLength(1);
  return result.flows[0] as Flow;
}

export function flagTexts(result: AssessResult): string[] {
  return result.flags.map((f) => f.text);
}
