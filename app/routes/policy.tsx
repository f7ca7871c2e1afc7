import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { hasRole, legalReviewers, readers } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { categories, locationUses } from "~/datamap/schema";
import { getDb } from "~/db.server";
import { createPolicyRule, deletePolicyRule, getPolicyRule, listPolicyRules, setPolicyRuleEnabled } from "~/models/policy-rules.server";
import { describeRule, namedRegionSetLabels, policyRuleKindLabels, policyRuleKinds, policySeverities } from "~/policy";
import { PolicyRuleFormSchema } from "~/policy/form";
import { categoryLabels, formatDate } from "~/ui/format";
import { useLabels } from "~/residency/words";
import { invariantResponse } from "~/utils/invariant";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Residency policy · Custodian" }];

export function loader({ request }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const rules = listPolicyRules(db, organisation.id).map((rule) => ({
    id: rule.id,
    name: rule.name,
    severity: rule.severity,
    enabled: rule.enabled,
    reading: describeRule(rule.definition),
    updatedAt: rule.updatedAt,
  }));
  const added = new URL(request.url).searchParams.get("added");
  return { organisation, rules, canEdit: hasRole(user.role, legalReviewers), added: rules.find((r) => r.id === added)?.name ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: legalReviewers });
  const db = getDb();
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const intent = formData.get("intent");

  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: PolicyRuleFormSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 422 });
    const id = createPolicyRule(db, user, submission.value);
    return redirect(`/policy?added=${id}#rules-title`);
  }

  const ruleId = formData.get("ruleId");
  const rule = typeof ruleId === "string" ? getPolicyRule(db, user.organisationId, ruleId) : null;
  invariantResponse(rule, "Policy rule not found", { status: 404 });
  if (intent === "enable" || intent === "disable") {
    setPolicyRuleEnabled(db, user, rule.id, intent === "enable");
  } else if (intent === "delete") {
    deletePolicyRule(db, user, rule.id);
  } else {
    invariantResponse(false, "Unknown action: expected create, enable, disable or delete", { status: 400 });
  }
  return redirect("/policy#rules-title");
}

const kindHints: Record<(typeof policyRuleKinds)[number], string> = {
  "uses-within": "The chosen uses of the data stay in the allowed regions.",
  "access-within": "Remote access (support, operations, key administration) comes only from the allowed regions.",
  "category-in-country": "Data of one category stays in each person's own country, for every use.",
  "parties-established-in": "Every vendor, affiliate and subprocessor handling the data is established in the allowed regions.",
};

const fieldOrder = ["name", "kind", "severity", "subjectSets", "subjectRegions", "uses", "allowedSets", "allowedRegions", "category"] as const;

export default function PolicyPage() {
  const { organisation, rules, canEdit, added } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "add-rule",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    defaultValue: { kind: "uses-within", severity: "high" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PolicyRuleFormSchema }),
  });
  const errorOf = (name: (typeof fieldOrder)[number]) => fields[name].errors?.[0];
  const errors = fieldOrder.flatMap((name) => {
    const message = errorOf(name);
    return message ? [{ name, message, href: `#${firstInputId(name, fields[name].id)}` }] : [];
  });
  const initial = (name: (typeof fieldOrder)[number]): string[] => {
    const value = fields[name].initialValue;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];
  };
  const describedBy = (name: (typeof fieldOrder)[number], hintId?: string) =>
    [hintId, errorOf(name) ? fields[name].errorId : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <h1>Residency policy</h1>
      <p>
        {organisation.name}'s own rules about where customer data may go. They are stricter than the law, never a
        substitute for it: on every assessment their findings appear apart from the legal verdicts, labelled
        “Policy ({organisation.name}'s own rule)”.
      </p>
      {added ? (
        <p className="notice notice--ok" role="status">
          Rule added: {added}. Its findings now show on every assessment.
        </p>
      ) : null}

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">Rules</h2>
        {rules.length === 0 ? (
          <p>{organisation.name} has no residency rules yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption>{organisation.name}'s residency rules</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">What it checks</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last change</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.map((rule) => (
                  <tr key={rule.id}>
                    <th scope="row">{rule.name}</th>
                    <td>{rule.reading}</td>
                    <td>{rule.severity}</td>
                    <td>
                      <span className={`tag ${rule.enabled ? "tag--rule-on" : "tag--rule-off"}`}>{rule.enabled ? "On" : "Off"}</span>
                    </td>
                    <td>{formatDate(rule.updatedAt)}</td>
                    <td>
                      {canEdit ? (
                      <div className="button-row">
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="ruleId" value={rule.id} />
                          <button type="submit" name="intent" value={rule.enabled ? "disable" : "enable"} className="button button--secondary">
                            {rule.enabled ? "Switch off" : "Switch on"}
                            <span className="visually-hidden"> {rule.name}</span>
                          </button>
                        </Form>
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="ruleId" value={rule.id} />
                          <button type="submit" name="intent" value="delete" className="button button--danger">
                            Delete<span className="visually-hidden"> {rule.name}</span>
                          </button>
                        </Form>
                      </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canEdit ? (
      <section aria-labelledby="add-rule-title">
        <h2 id="add-rule-title">Add a rule</h2>
        {errors.length > 0 ? (
          <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>
              {errors.map((e) => (
                <li key={e.name}>
                  <a href={e.href}>{e.message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="policy-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />

          <div className={`field${errorOf("name") ? " field--error" : ""}`}>
            <label htmlFor={fields.name.id}>Name</label>
            <p className="hint" id={`${fields.name.id}-hint`}>
              How your legal team says it, for example “EU customers' data stays in the EEA”.
            </p>
            {errorOf("name") ? (
              <p className="field-error" id={fields.name.errorId}>
                {errorOf("name")}
              </p>
            ) : null}
            <input
              type="text"
              id={fields.name.id}
              name={fields.name.name}
              defaultValue={initial("name")[0] ?? ""}
              aria-invalid={errorOf("name") ? true : undefined}
              aria-describedby={describedBy("name", `${fields.name.id}-hint`)}
            />
          </div>

          <fieldset className={`field${errorOf("kind") ? " field--error" : ""}`} aria-describedby={describedBy("kind")}>
            <legend>Kind of rule</legend>
            {errorOf("kind") ? (
              <p className="field-error" id={fields.kind.errorId}>
                {errorOf("kind")}
              </p>
            ) : null}
            {policyRuleKinds.map((kind) => (
              <div className="choice" key={kind}>
                <input
                  type="radio"
                  id={`${fields.kind.id}-${kind}`}
                  name={fields.kind.name}
                  value={kind}
                  defaultChecked={initial("kind").includes(kind)}
                  aria-describedby={`${fields.kind.id}-${kind}-hint`}
                />
                <label htmlFor={`${fields.kind.id}-${kind}`}>{policyRuleKindLabels[kind]}</label>
                <p className="hint" id={`${fields.kind.id}-${kind}-hint`}>
                  {kindHints[kind]}
                </p>
              </div>
            ))}
          </fieldset>

          <div className={`field${errorOf("severity") ? " field--error" : ""}`}>
            <label htmlFor={fields.severity.id}>Severity</label>
            {errorOf("severity") ? (
              <p className="field-error" id={fields.severity.errorId}>
                {errorOf("severity")}
              </p>
            ) : null}
            <select
              id={fields.severity.id}
              name={fields.severity.name}
              defaultValue={initial("severity")[0] ?? "high"}
              aria-invalid={errorOf("severity") ? true : undefined}
              aria-describedby={describedBy("severity")}
            >
              {policySeverities.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>

          <fieldset
            className={`field${errorOf("subjectSets") || errorOf("subjectRegions") ? " field--error" : ""}`}
            aria-describedby={`${fields.subjectSets.id}-hint`}
          >
            <legend>Whose data</legend>
            <p className="hint" id={`${fields.subjectSets.id}-hint`}>
              The rule covers data subjects in these regions. Choose none for everyone in scope.
            </p>
            {(["eea", "eu"] as const).map((set) => (
              <div className="choice" key={set}>
                <input
                  type="checkbox"
                  id={`${fields.subjectSets.id}-${set}`}
                  name={fields.subjectSets.name}
                  value={set}
                  defaultChecked={initial("subjectSets").includes(set)}
                />
                <label htmlFor={`${fields.subjectSets.id}-${set}`}>People in {namedRegionSetLabels[set]}</label>
              </div>
            ))}
            <label htmlFor={fields.subjectRegions.id}>And people in these regions (ISO codes, separated by commas)</label>
            {errorOf("subjectRegions") ? (
              <p className="field-error" id={fields.subjectRegions.errorId}>
                {errorOf("subjectRegions")}
              </p>
            ) : null}
            <input
              type="text"
              id={fields.subjectRegions.id}
              name={fields.subjectRegions.name}
              defaultValue={initial("subjectRegions")[0] ?? ""}
              aria-invalid={errorOf("subjectRegions") ? true : undefined}
              aria-describedby={describedBy("subjectRegions")}
            />
          </fieldset>

          <fieldset className={`field${errorOf("uses") ? " field--error" : ""}`} aria-describedby={describedBy("uses", `${fields.uses.id}-hint`)}>
            <legend>Uses</legend>
            <p className="hint" id={`${fields.uses.id}-hint`}>
              Only for “{policyRuleKindLabels["uses-within"]}”.
            </p>
            {errorOf("uses") ? (
              <p className="field-error" id={fields.uses.errorId}>
                {errorOf("uses")}
              </p>
            ) : null}
            {locationUses.map((use) => (
              <div className="choice" key={use}>
                <input
                  type="checkbox"
                  id={`${fields.uses.id}-${use}`}
                  name={fields.uses.name}
                  value={use}
                  defaultChecked={initial("uses").includes(use)}
                />
                <label htmlFor={`${fields.uses.id}-${use}`}>{useLabels[use]}</label>
              </div>
            ))}
          </fieldset>

          <fieldset
            className={`field${errorOf("allowedSets") || errorOf("allowedRegions") ? " field--error" : ""}`}
            aria-describedby={describedBy("allowedSets", `${fields.allowedSets.id}-hint`)}
          >
            <legend>Allowed regions</legend>
            <p className="hint" id={`${fields.allowedSets.id}-hint`}>
              Where the data may be, or where access and parties may be. Not used for “
              {policyRuleKindLabels["category-in-country"]}”.
            </p>
            {errorOf("allowedSets") ? (
              <p className="field-error" id={fields.allowedSets.errorId}>
                {errorOf("allowedSets")}
              </p>
            ) : null}
            {(["eea", "eu", "subject-country"] as const).map((set) => (
              <div className="choice" key={set}>
                <input
                  type="checkbox"
                  id={`${fields.allowedSets.id}-${set}`}
                  name={fields.allowedSets.name}
                  value={set}
                  defaultChecked={initial("allowedSets").includes(set)}
                />
                <label htmlFor={`${fields.allowedSets.id}-${set}`}>{namedRegionSetLabels[set]}</label>
              </div>
            ))}
            <label htmlFor={fields.allowedRegions.id}>And these regions (ISO codes, separated by commas, for example GB, CH)</label>
            {errorOf("allowedRegions") ? (
              <p className="field-error" id={fields.allowedRegions.errorId}>
                {errorOf("allowedRegions")}
              </p>
            ) : null}
            <input
              type="text"
              id={fields.allowedRegions.id}
              name={fields.allowedRegions.name}
              defaultValue={initial("allowedRegions")[0] ?? ""}
              aria-invalid={errorOf("allowedRegions") ? true : undefined}
              aria-describedby={describedBy("allowedRegions")}
            />
          </fieldset>

          <div className={`field${errorOf("category") ? " field--error" : ""}`}>
            <label htmlFor={fields.category.id}>Data category</label>
            <p className="hint" id={`${fields.category.id}-hint`}>
              Only for “{policyRuleKindLabels["category-in-country"]}”.
            </p>
            {errorOf("category") ? (
              <p className="field-error" id={fields.category.errorId}>
                {errorOf("category")}
              </p>
            ) : null}
            <select
              id={fields.category.id}
              name={fields.category.name}
              defaultValue={initial("category")[0] ?? ""}
              aria-invalid={errorOf("category") ? true : undefined}
              aria-describedby={describedBy("category", `${fields.category.id}-hint`)}
            >
              <option value="">Choose a category</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {categoryLabels[c] ?? c}
                </option>
              ))}
            </select>
          </div>

          <button type="submit" className="button">
            Add rule
          </button>
        </Form>
      </section>
      ) : (
        <p className="notice">Only legal reviewers and administrators change the residency policy.</p>
      )}
      <p>
        <Link to="/">Back to the vendors</Link>
      </p>
    </>
  );
}

/** The element an error-summary link should focus: the first box of a group, else the field itself. */
function firstInputId(name: (typeof fieldOrder)[number], id: string): string {
  switch (name) {
    case "kind":
      return `${id}-${policyRuleKinds[0]}`;
    case "subjectSets":
      return `${id}-eea`;
    case "uses":
      return `${id}-${locationUses[0]}`;
    case "allowedSets":
      return `${id}-eea`;
    default:
      return id;
  }
}
