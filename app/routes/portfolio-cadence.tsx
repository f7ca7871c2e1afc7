import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { requireValidCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/auth/csrf-input";
import { assessors, hasRole, readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { getCadence, saveCadence } from "~/models/portfolio.server";
import { MAX_CADENCE_MONTHS, MIN_CADENCE_MONTHS, REVIEW_DUE_WINDOW_DAYS, type Cadence } from "~/portfolio/cadence";
import { ErrorSummary } from "~/ui/error-summary";
import { tierLabels } from "~/ui/format";
import { readFormData } from "~/utils/form-data.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction = () => [{ title: "Review cadence · Custodian" }];

const tiers = ["high", "medium", "low"] as const;

const months = (tier: (typeof tiers)[number]) =>
  z.coerce
    .number(`${tierLabels[tier]} tier: enter a number of months`)
    .int(`${tierLabels[tier]} tier: enter a whole number of months`)
    .min(MIN_CADENCE_MONTHS, `${tierLabels[tier]} tier: enter at least ${MIN_CADENCE_MONTHS} month`)
    .max(MAX_CADENCE_MONTHS, `${tierLabels[tier]} tier: enter at most ${MAX_CADENCE_MONTHS} months`);

const CadenceSchema = z.object({ high: months("high"), medium: months("medium"), low: months("low") });

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  return { cadence: getCadence(getDb(), user.organisationId), canChange: hasRole(user.role, assessors) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const raw = Object.fromEntries(tiers.map((t) => [t, String(formData.get(t) ?? "").trim()]));
  const parsed = CadenceSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return data({ errors, values: raw }, { status: 422 });
  }
  saveCadence(getDb(), user.organisationId, parsed.data as Cadence, user);
  throw redirect("/portfolio");
}

export default function CadencePage() {
  const { cadence, canChange } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <>
      <Breadcrumbs trail={[{ to: "/portfolio", label: "Portfolio" }]} current="Review cadence" />
      <h1>Review cadence</h1>
      <p className="lead">
        How long after its last finalised assessment each tier of vendor is reviewed again. A review shows as due{" "}
        {REVIEW_DUE_WINDOW_DAYS} days before its date and as overdue after it.
      </p>
      {canChange ? (
        <Form method="post" noValidate>
          <CsrfInput />
          <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }))} />
          {tiers.map((tier) => (
            <div key={tier} className={`field${errors[tier] ? " field--error" : ""}`}>
              <label htmlFor={tier}>{tierLabels[tier]} tier: months between reviews</label>
              {errors[tier] ? (
                <p className="field-error" id={`${tier}-error`}>
                  <span className="visually-hidden">Error:</span> {errors[tier]}
                </p>
              ) : null}
              <input
                type="text"
                inputMode="numeric"
                id={tier}
                name={tier}
                className="input--short"
                defaultValue={result?.values?.[tier] ?? String(cadence[tier])}
                aria-describedby={errors[tier] ? `${tier}-error` : undefined}
              />
            </div>
          ))}
          <button type="submit" className="button">
            Save the cadence
          </button>
        </Form>
      ) : (
        <dl className="summary-list">
          {tiers.map((tier) => (
            <div key={tier}>
              <dt>{tierLabels[tier]} tier</dt>
              <dd>Every {cadence[tier]} months</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
