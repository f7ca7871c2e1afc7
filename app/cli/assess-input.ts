import { DataMapSchema, describeIssues, type DataMap } from "~/datamap/schema";

// The `assess` input: one DataMap, or a JSON array of them. Every problem is
// reported with the path of the field at fault, "[3].parties[2].locations[0].region"
// for the fourth map of an array.

export type ParsedInput =
  | { ok: true; maps: DataMap[]; array: boolean }
  | { ok: false; problems: string[] };

export function parseDataMapInput(text: string): ParsedInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(root): not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }

  if (Array.isArray(json)) {
    const maps: DataMap[] = [];
    const problems: string[] = [];
    json.forEach((item, index) => {
      const parsed = DataMapSchema.safeParse(item);
      if (parsed.success) maps.push(parsed.data);
      else problems.push(...describeIssues(parsed.error, `[${index}]`));
    });
    return problems.length ? { ok: false, problems } : { ok: true, maps, array: true };
  }
  if (json === null || typeof json !== "object") {
    return { ok: false, problems: ["(root): expected a DataMap object or an array of DataMap objects"] };
  }
  const parsed = DataMapSchema.safeParse(json);
  return parsed.success
    ? { ok: true, maps: [parsed.data], array: false }
    : { ok: false, problems: describeIssues(parsed.error) };
}
