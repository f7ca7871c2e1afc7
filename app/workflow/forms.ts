import * as z from "zod";
import { signOffDecisions } from "#db/schema";

// One schema per form of the portal and the review pages. Every message
// names its field, as the page's error summary shows it.

const text = (label: string, max: number, what = "enter it") =>
  z
    .string(`${label}: ${what}`)
    .trim()
    .min(1, `${label}: ${what}`)
    .max(max, `${label}: keep it under ${max.toLocaleString("en")} characters`)
    // Control characters other than line breaks and tabs have no place in a form's text.
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), `${label}: remove the control characters`);

export const CommentFormSchema = z.object({
  body: text("Comment", 5000, "write your comment"),
  visibility: z.enum(["internal", "shared"], "Who sees it: choose your team only, or shared with the vendor"),
});

export const VendorCommentFormSchema = z.object({ body: text("Message", 5000, "write your message") });

export const ReturnFormSchema = z.object({ request: text("What you need from the vendor", 2000, "say what is missing or unclear") });

export const ATTESTATION_STATEMENT =
  "I confirm that, to the best of my knowledge, these answers and the attached evidence are complete and accurate, and that I may give them on behalf of my company.";

export const AttestationFormSchema = z.object({
  name: text("Your full name", 200, "enter your full name"),
  title: text("Your job title", 200, "enter your job title"),
  confirm: z.literal("yes", "Confirmation: tick the box to confirm the statement"),
});

export const InvitationFormSchema = z.object({
  name: text("Contact's name", 200, "enter the contact's name"),
  email: z
    .string("Email address: enter the contact's email address")
    .trim()
    .max(254, "Email address: keep it under 254 characters")
    .pipe(z.email("Email address: enter an email address like name@example.com")),
  days: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "Days the link works: enter a whole number from 1 to 90")
    .transform(Number)
    .pipe(z.number().min(1, "Days the link works: at least 1").max(90, "Days the link works: at most 90")),
});

export const SignOffFormSchema = z
  .object({
    decision: z.enum(signOffDecisions, "Decision: choose approved, approved with conditions or rejected"),
    conditions: z.string().trim().max(5000, "Conditions: keep them under 5,000 characters").default(""),
    note: z.string().trim().max(5000, "Note: keep it under 5,000 characters").default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "approved-with-conditions" && value.conditions === "") {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "Conditions: list what must be done before go-live" });
    }
  });

export const RiskAcceptanceFormSchema = z.object({
  findingId: z.string("Finding: choose a finding").min(1, "Finding: choose a finding").max(300, "Finding: choose a finding from the list"),
  reason: text("Why the risk is accepted", 2000, "say why the risk is accepted"),
  until: z.string("Accepted until: enter a date").regex(/^\d{4}-\d{2}-\d{2}$/, "Accepted until: enter a date like 2027-06-30"),
});

export const RetentionFormSchema = z.object({
  days: z
    .string()
    .trim()
    .regex(/^(\d{1,6})?$/, "Keep evidence for: enter a whole number of days, or leave it empty to keep files")
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(z.number().min(1, "Keep evidence for: at least 1 day").max(3650, "Keep evidence for: at most 3650 days (ten years)").nullable()),
});

export type FormErrors = Record<string, string>;

export type ParsedForm<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; values: Record<string, string> };

/**
 * Reads the named text fields of a form through a schema. A field sent as a
 * file, or twice, is an error naming it; every message names its field.
 */
export function parseForm<T>(schema: z.ZodType<T>, formData: FormData, fields: readonly string[]): ParsedForm<T> {
  const values: Record<string, string> = {};
  const errors: FormErrors = {};
  const input: Record<string, string | undefined> = {};
  for (const field of fields) {
    const all = formData.getAll(field);
    const first = all[0];
    if (all.length > 1) errors[field] = `Field "${field}" was sent more than once`;
    else if (first !== undefined && typeof first !== "string") errors[field] = `Field "${field}" must be text, not a file`;
    else input[field] = first;
    values[field] = typeof first === "string" ? first.slice(0, 10_000) : "";
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? fields[0] ?? "form");
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors, values };
  return { ok: true, value: result.data };
}

/** A calendar date that exists, after `today` (both YYYY-MM-DD), and at most `maxYears` ahead. */
export function isFutureDay(day: string, today: string, maxYears = 3): boolean {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  const [ty] = today.split("-").map(Number) as [number];
  return day > today && y <= ty + maxYears;
}
