import * as z from "zod";
import { categories, dataMapSectors, RegionSchema, type Scope } from "~/datamap/schema";

// The buyer's scoping form, separate from the vendor questionnaire. Field names:
// subjects (repeated, or one field of codes separated by commas or spaces),
// categories (repeated checkboxes), sector, subjectsCount (blank = unknown).
function fromForm(input: unknown): unknown {
  if (!(input instanceof FormData || input instanceof URLSearchParams)) return input;
  const strings = (name: string) =>
    input.getAll(name).filter((v): v is string => typeof v === "string").flatMap((v) => v.split(/[\s,;]+/)).filter((v) => v !== "");
  const sector = input.get("sector");
  const count = input.get("subjectsCount");
  return {
    subjects: strings("subjects"),
    categories: strings("categories"),
    sector: typeof sector === "string" && sector !== "" ? sector : undefined,
    subjectsCount:
      typeof count === "string" && count.trim() !== ""
        ? /^\d+$/.test(count.trim().replace(/[,_ ]/g, ""))
          ? Number(count.trim().replace(/[,_ ]/g, ""))
          : count
        : undefined,
  };
}

export const ScopeInputSchema = z.preprocess(
  fromForm,
  z.object({
    subjects: z.array(RegionSchema).min(1, "Choose at least one region where the people in the CRM are"),
    categories: z.array(z.enum(categories, "Choose categories from the list")),
    sector: z.enum(dataMapSectors, "Choose a sector"),
    subjectsCount: z
      .number("Enter a whole number of people, like 25000")
      .int("Enter a whole number of people, like 25000")
      .nonnegative("Enter a whole number of people, like 25000")
      .optional(),
  }),
);

export type ScopeFormResult = { ok: true; scope: Scope } | { ok: false; errors: Partial<Record<keyof Scope, string>> };

/** Parses the scoping form; errors are keyed by field name, first message per field. */
export function parseScopeForm(formData: FormData | URLSearchParams): ScopeFormResult {
  const result = ScopeInputSchema.safeParse(formData);
  if (result.success) return { ok: true, scope: result.data };
  const errors: Partial<Record<keyof Scope, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof Scope | undefined;
    if (field === undefined || errors[field]) continue;
    const item = issue.path[1];
    errors[field] = field === "subjects" && typeof item === "number" ? `Region ${item + 1}: ${issue.message}` : issue.message;
  }
  return { ok: false, errors };
}
