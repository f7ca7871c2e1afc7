import * as z from "zod";
import { categories, locationUses, RegionSchema } from "~/datamap/schema";
import { namedRegionSets, policyRuleKinds, policySeverities, type PolicyRuleDefinition, type RegionSetSpec } from "./rules";
import type { PolicySeverity } from "./types";

// The "Add a rule" form on /policy, one schema for the browser (Conform) and
// the server. Fields are flat; the kind decides which of them the rule uses.
// Every message names the field it belongs to.

const regionCodes = (label: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const codes = [...new Set((text ?? "").split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter((c) => c !== ""))];
      for (const code of codes) {
        if (!RegionSchema.safeParse(code).success) {
          ctx.issues.push({ code: "custom", input: text, message: `${label}: "${code}" is not an ISO 3166 code such as DE, GB or CA-QC` });
          return z.NEVER;
        }
      }
      return codes;
    });

export const PolicyRuleFormSchema = z
  .object({
    name: z
      .string({ error: "Name: enter a name for the rule" })
      .trim()
      .min(1, "Name: enter a name for the rule")
      .max(120, "Name: keep it under 120 characters"),
    kind: z.enum(policyRuleKinds, { error: "Kind of rule: choose one" }),
    severity: z.enum(policySeverities, { error: "Severity: choose one" }),
    subjectSets: z.array(z.enum(["eea", "eu"], { error: "Whose data: choose from the list" })).default([]),
    subjectRegions: regionCodes("Whose data"),
    uses: z.array(z.enum(locationUses, { error: "Uses: choose from the list" })).default([]),
    allowedSets: z.array(z.enum(namedRegionSets, { error: "Allowed regions: choose from the list" })).default([]),
    allowedRegions: regionCodes("Allowed regions"),
    category: z.enum(categories, { error: "Data category: choose one from the list" }).optional(),
  })
  .superRefine((form, ctx) => {
    const needsAllowed = form.kind !== "category-in-country";
    if (needsAllowed && form.allowedSets.length + form.allowedRegions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["allowedSets"], message: "Allowed regions: choose a region set or enter region codes" });
    }
    if (form.kind === "uses-within" && form.uses.length === 0) {
      ctx.addIssue({ code: "custom", path: ["uses"], message: "Uses: choose at least one use the rule covers" });
    }
    if (form.kind === "category-in-country" && form.category === undefined) {
      ctx.addIssue({ code: "custom", path: ["category"], message: "Data category: choose the category that must stay in-country" });
    }
  })
  .transform((form): { name: string; severity: PolicySeverity; definition: PolicyRuleDefinition } => {
    const subjects: RegionSetSpec | null =
      form.subjectSets.length + form.subjectRegions.length > 0 ? { sets: form.subjectSets, regions: form.subjectRegions } : null;
    const allowed: RegionSetSpec = { sets: form.allowedSets, regions: form.allowedRegions };
    const definition: PolicyRuleDefinition =
      form.kind === "uses-within"
        ? { kind: form.kind, subjects, uses: form.uses, allowed }
        : form.kind === "category-in-country"
          ? { kind: form.kind, subjects, category: form.category ?? "health" }
          : { kind: form.kind, subjects, allowed };
    return { name: form.name, severity: form.severity, definition };
  });
