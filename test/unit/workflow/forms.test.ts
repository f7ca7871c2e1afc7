import { describe, expect, it } from "vitest";
import {
  AttestationFormSchema,
  InvitationFormSchema,
  isFutureDay,
  parseForm,
  RetentionFormSchema,
  SignOffFormSchema,
} from "~/workflow/forms";

const form = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("the portal's and review pages' forms", () => {
  it("read a valid invitation, trimming the name and keeping the days as a number", () => {
    expect(parseForm(InvitationFormSchema, form([["name", "  Dana Ruiz "], ["email", "dana@wren.example"], ["days", "14"]]), ["name", "email", "days"])).toEqual({
      ok: true,
      value: { name: "Dana Ruiz", email: "dana@wren.example", days: 14 },
    });
  });

  it("name every field in error, and give back what was typed", () => {
    const parsed = parseForm(InvitationFormSchema, form([["name", ""], ["email", "nope"], ["days", "0"]]), ["name", "email", "days"]);
    expect(parsed).toEqual({
      ok: false,
      errors: {
        name: "Contact's name: enter the contact's name",
        email: "Email address: enter an email address like name@example.com",
        days: "Days the link works: at least 1",
      },
      values: { name: "", email: "nope", days: "0" },
    });
  });

  it("refuse a field sent twice or as a file, naming it", () => {
    const parsed = parseForm(
      AttestationFormSchema,
      form([["name", "A"], ["name", "B"], ["title", new Blob(["x"])], ["confirm", "yes"]]),
      ["name", "title", "confirm"],
    );
    expect(parsed).toMatchObject({ ok: false, errors: { name: 'Field "name" was sent more than once', title: 'Field "title" must be text, not a file' } });
  });

  it("refuse control characters in text", () => {
    expect(parseForm(AttestationFormSchema, form([["name", "Dana\u0007"], ["title", "CISO"], ["confirm", "yes"]]), ["name", "title", "confirm"])).toMatchObject({
      ok: false,
      errors: { name: "Your full name: remove the control characters" },
    });
  });

  it("ask for conditions only for an approval with conditions", () => {
    const fields = ["decision", "conditions", "note"] as const;
    expect(parseForm(SignOffFormSchema, form([["decision", "approved"]]), fields)).toMatchObject({ ok: true, value: { decision: "approved", conditions: "" } });
    expect(parseForm(SignOffFormSchema, form([["decision", "approved-with-conditions"]]), fields)).toMatchObject({
      ok: false,
      errors: { conditions: "Conditions: list what must be done before go-live" },
    });
    expect(parseForm(SignOffFormSchema, form([["decision", "maybe"]]), fields)).toMatchObject({
      ok: false,
      errors: { decision: "Decision: choose approved, approved with conditions or rejected" },
    });
  });

  it("read an empty retention period as keeping files", () => {
    expect(parseForm(RetentionFormSchema, form([["days", ""]]), ["days"])).toEqual({ ok: true, value: { days: null } });
    expect(parseForm(RetentionFormSchema, form([["days", " 365 "]]), ["days"])).toEqual({ ok: true, value: { days: 365 } });
  });
});

describe("a risk acceptance's end date", () => {
  it("must be a real day after today and at most three years ahead", () => {
    expect(isFutureDay("2027-06-30", "2026-11-23")).toBe(true);
    expect(isFutureDay("2026-11-23", "2026-11-23")).toBe(false);
    expect(isFutureDay("2027-02-30", "2026-11-23")).toBe(false);
    expect(isFutureDay("2030-01-01", "2026-11-23")).toBe(false);
  });
});
