import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import * as z from "zod";
import { fieldId } from "~/answering/form-state";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { assessors, hasRole, readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { CountriesInput } from "~/answering/region-inputs";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { categories, dataMapSectors, type Scope } from "~/datamap/schema";
import { getDb } from "~/db.server";
import { regionLabel } from "~/geo/regions";
import { answersLocked } from "~/models/answers.server";
import { scopeFingerprint, updateScope } from "~/models/assessment-scope.server";
import { parseScopeForm } from "~/questionnaire/scope";
import { categoryLabels, formatNumber, sectorLabels } from "~/ui/format";
import { invariantResponse } from "~/utils/invariant";
import { readFormData } from "~/utils/form-data.server";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Scope of the assessment of ${data.vendor.name} · Custodian` : "Scope · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const { assessment } = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  return {
    assessmentId: assessment.id,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    scope: assessment.scope,
    fingerprint: scopeFingerprint(assessment.scope),
    locked: answersLocked(assessment.status) || !hasRole(user.role, assessors),
    readOnlyRole: !hasRole(user.role, assessors),
  };
}

const ControlSchema = z.object({
  intent: z.enum(["save", "use-mine", "keep-theirs"], 'Field "intent" must be save, use-mine or keep-theirs').default("save"),
  base: z.string().regex(/^[0-9a-f]{16}$/, 'Field "base" must be 16 hexadecimal digits').optional(),
  theirs_base: z.string().regex(/^[0-9a-f]{16}$/, 'Field "theirs_base" must be 16 hexadecimal digits').optional(),
});

interface ScopeFormValues {
  subjects: string;
  categories: string[];
  sector: string;
  subjectsCount: string;
}

function submittedValues(formData: FormData): ScopeFormValues {
  const strings = (name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    subjects: strings("subjects").join(", "),
    categories: strings("categories"),
    sector: strings("sector")[0] ?? "",
    subjectsCount: strings("subjectsCount")[0] ?? "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const db = getDb();
  const organisation = { id: user.organisationId };
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const { assessment } = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  invariantResponse(!answersLocked(assessment.status), `This assessment is ${assessment.status}: its scope can no longer be changed`, {
    status: 409,
  });
  const single = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const control = ControlSchema.safeParse({ intent: single("intent") || undefined, base: single("base"), theirs_base: single("theirs_base") });
  invariantResponse(control.success, control.error?.issues[0]?.message ?? "Bad request", { status: 400 });
  const done = `/assessments/${assessment.id}`;
  if (control.data.intent === "keep-theirs") throw redirect(done);

  const parsed = parseScopeForm(formData);
  const submitted = submittedValues(formData);
  if (!parsed.ok) return data({ errors: parsed.errors, submitted, conflict: null }, { status: 422 });
  const update = updateScope(db, {
    organisationId: organisation.id,
    assessmentId: assessment.id,
    actor: { userId: user.id, name: user.name },
    scope: parsed.scope,
    baseFingerprint: (control.data.intent === "use-mine" ? control.data.theirs_base : control.data.base) ?? null,
  });
  if (update.status === "conflict") {
    return data(
      { errors: {}, submitted, conflict: { theirs: update.theirs, theirsFingerprint: update.theirsFingerprint, yours: parsed.scope } },
      { status: 409 },
    );
  }
  throw redirect(done);
}

const fieldOrder = ["subjects", "categories", "sector", "subjectsCount"] as const;

export default function AssessmentScopePage() {
  const { assessmentId, startedAt, vendor, scope, fingerprint, locked, readOnlyRole } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Partial<Record<keyof Scope, string>> = actionData?.errors ?? {};
  const values: ScopeFormValues = actionData?.submitted ?? {
    subjects: scope.subjects.join(", "),
    categories: scope.categories,
    sector: scope.sector,
    subjectsCount: scope.subjectsCount != null ? String(scope.subjectsCount) : "",
  };
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const summary = useRef<HTMLDivElement>(null);
  const errorFields = fieldOrder.filter((f) => errors[f]);
  useEffect(() => {
    if (errorFields.length > 0 || actionData?.conflict) summary.current?.focus();
  }, [actionData, errorFields.length]);
  const base = `/assessments/${assessmentId}`;

  return (
    <>
      <Breadcrumbs trail={assessmentTrail(vendor, base, startedAt)} current="Scope" />
      <h1>Scope of the assessment</h1>
      <p className="lead">
        What we will keep in {vendor.name}'s CRM and about whom. The vendor does not see or answer this: it decides which
        transfer rules apply to their answers.
      </p>
      {readOnlyRole ? (
        <div className="notice">Your role can read the scope but not change it.</div>
      ) : locked ? (
        <div className="notice notice--warning">This assessment has been submitted: its scope can no longer be changed.</div>
      ) : null}
      {errorFields.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {errorFields.map((field) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" noValidate className="section-form">
        {actionData?.conflict ? (
          <div className="conflict notice notice--warning" role="alert" tabIndex={-1} ref={summary}>
            <p>
              <strong>Someone else changed the scope after you opened this page.</strong> Nothing was overwritten: choose
              which scope to keep.
            </p>
            <dl className="conflict__versions">
              <div>
                <dt>Their scope (saved now)</dt>
                <dd>
                  <ScopeSummary scope={actionData.conflict.theirs} />
                </dd>
              </div>
              <div>
                <dt>Your scope</dt>
                <dd>
                  <ScopeSummary scope={actionData.conflict.yours} />
                </dd>
              </div>
            </dl>
            <input type="hidden" name="theirs_base" value={actionData.conflict.theirsFingerprint} />
            <div className="button-row">
              <button type="submit" name="intent" value="keep-theirs" className="button button--secondary">
                Keep their scope
              </button>
              <button type="submit" name="intent" value="use-mine" className="button button--secondary">
                Use my scope
              </button>
            </div>
          </div>
        ) : null}
        <CsrfInput />
        <input type="hidden" name="base" value={fingerprint} />
        <div className={`field${errors.subjects ? " field--error" : ""}`}>
          <label htmlFor={fieldId("subjects")} className="question__title">
            Where are the people whose data the CRM will hold?
          </label>
          <p className="hint" id={`${fieldId("subjects")}-hint`}>
            Countries as ISO codes separated by commas, e.g. DE, FR. Name a province or state where its own law applies,
            e.g. CA-QC for Québec.
          </p>
          {errors.subjects ? <p className="field-error"><span className="visually-hidden">Error: </span>{errors.subjects}</p> : null}
          <CountriesInput
            id={fieldId("subjects")}
            name="subjects"
            defaultValue={values.subjects}
            subdivisions
            describedBy={`${fieldId("subjects")}-hint`}
            invalid={!!errors.subjects}
            enhanced={hydrated}
            formatHint={false}
          />
        </div>
        <fieldset className={`field${errors.categories ? " field--error" : ""}`}>
          <legend className="question__title">Which kinds of personal data will the CRM hold?</legend>
          <p className="hint">Tick every kind that applies; some trigger stricter transfer rules.</p>
          {errors.categories ? <p className="field-error"><span className="visually-hidden">Error: </span>{errors.categories}</p> : null}
          <div className="choices">
            {categories.map((category, i) => {
              const id = i === 0 ? fieldId("categories") : fieldId("categories", category);
              return (
                <div className="choice" key={category}>
                  <input type="checkbox" id={id} name="categories" value={category} defaultChecked={values.categories.includes(category)} />
                  <label htmlFor={id}>{categoryLabels[category] ?? category}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
        <fieldset className={`field${errors.sector ? " field--error" : ""}`}>
          <legend className="question__title">Which sector is your organisation in?</legend>
          {errors.sector ? <p className="field-error"><span className="visually-hidden">Error: </span>{errors.sector}</p> : null}
          <div className="choices">
            {dataMapSectors.map((sector, i) => {
              const id = i === 0 ? fieldId("sector") : fieldId("sector", sector);
              return (
                <div className="choice" key={sector}>
                  <input type="radio" id={id} name="sector" value={sector} defaultChecked={values.sector === sector} />
                  <label htmlFor={id}>{sectorLabels[sector]}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
        <div className={`field${errors.subjectsCount ? " field--error" : ""}`}>
          <label htmlFor={fieldId("subjectsCount")} className="question__title">
            About how many people will the CRM hold data on? <span className="optional">(optional)</span>
          </label>
          <p className="hint">Some laws apply only above a number of people. Leave blank if you do not know.</p>
          {errors.subjectsCount ? <p className="field-error"><span className="visually-hidden">Error: </span>{errors.subjectsCount}</p> : null}
          <input
            type="text"
            inputMode="numeric"
            id={fieldId("subjectsCount")}
            name="subjectsCount"
            defaultValue={values.subjectsCount}
            className="input--number"
            aria-invalid={errors.subjectsCount ? true : undefined}
          />
        </div>
        {locked ? null : (
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button">
              Save scope
            </button>
            <Link to={base}>Cancel</Link>
          </div>
        )}
      </Form>
    </>
  );
}

function ScopeSummary({ scope }: { scope: Scope }) {
  return (
    <ul className="plain-list">
      <li>People in: {scope.subjects.map(regionLabel).join(", ")}</li>
      <li>Data: {scope.categories.length > 0 ? scope.categories.map((c) => categoryLabels[c] ?? c).join(", ") : "none chosen"}</li>
      <li>Sector: {sectorLabels[scope.sector]}</li>
      <li>Number of people: {scope.subjectsCount != null ? formatNumber(scope.subjectsCount) : "not stated"}</li>
    </ul>
  );
}
