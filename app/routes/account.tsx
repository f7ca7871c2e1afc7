import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { TotpCodeSchema } from "~/auth/forms";
import { roleLabels } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { formatSecretForTyping, totpUri } from "~/auth/totp";
import {
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  startTotpEnrolment,
} from "~/auth/two-factor.server";
import { getDb } from "~/db.server";
import { ErrorSummary } from "~/ui/error-summary";
import { TextField } from "~/ui/form-fields";
import { invariantResponse } from "~/utils/invariant";

export const meta: MetaFunction = () => [{ title: "Your account · Custodian" }];

const notices = {
  "totp-on": "Two-step sign-in is on. From now on you will be asked for a code from your app after your password.",
  "totp-off": "Two-step sign-in is off.",
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const status = getTwoFactorStatus(getDb(), user.id);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    user: { name: user.name, email: user.email, role: roleLabels[user.role] },
    twoFactor: {
      enabled: status.enabled,
      pending: status.pendingSecret
        ? { key: formatSecretForTyping(status.pendingSecret), uri: totpUri(status.pendingSecret, user.email) }
        : null,
    },
    notice: notice === "totp-on" || notice === "totp-off" ? notices[notice] : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  requireValidCsrf(request, formData);
  const db = getDb();
  const intent = formData.get("intent");

  if (intent === "start-totp") {
    startTotpEnrolment(db, user.id);
    return redirect("/account#two-step");
  }
  if (intent === "cancel-totp") {
    cancelTotpEnrolment(db, user.id);
    return redirect("/account#two-step");
  }
  invariantResponse(
    intent === "confirm-totp" || intent === "disable-totp",
    "Unknown action: expected start-totp, confirm-totp, cancel-totp or disable-totp",
  );
  const submission = parseWithZod(formData, { schema: TotpCodeSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), intent }, { status: 400 });
  const done =
    intent === "confirm-totp"
      ? confirmTotpEnrolment(db, user, submission.value.code)
      : disableTwoFactor(db, user, submission.value.code);
  if (!done) {
    const result = submission.reply({
      fieldErrors: { code: ["The code is not right or has expired: enter the code your app shows now"] },
      hideFields: ["code"],
    });
    return data({ result, intent }, { status: 400 });
  }
  return redirect(`/account?notice=${intent === "confirm-totp" ? "totp-on" : "totp-off"}`);
}

export default function AccountPage() {
  const { user, twoFactor, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Your account</h1>
      {notice ? (
        <p className="notice notice--ok" role="status">
          {notice}
        </p>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>Email address</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{user.role}</dd>
        </div>
      </dl>

      <section aria-labelledby="two-step">
        <h2 id="two-step" tabIndex={-1}>
          Two-step sign-in
        </h2>
        {twoFactor.enabled ? (
          <>
            <p>
              <strong>On.</strong> After your password, you are asked for a code from your authenticator app.
            </p>
            <CodeForm
              intent="disable-totp"
              label="Code from your app, to turn two-step sign-in off"
              button="Turn off two-step sign-in"
            />
          </>
        ) : twoFactor.pending ? (
          <>
            <p>Add Custodian to your authenticator app by typing this key, then enter the code it shows.</p>
            <dl className="summary-list">
              <div>
                <dt>Key</dt>
                <dd>
                  <code className="secret-key">{twoFactor.pending.key}</code>
                </dd>
              </div>
              <div>
                <dt>Type</dt>
                <dd>Time-based, 6 digits, every 30 seconds</dd>
              </div>
              <div>
                <dt>Setup address</dt>
                <dd>
                  <code className="secret-key secret-key--uri">{twoFactor.pending.uri}</code>
                </dd>
              </div>
            </dl>
            <CodeForm intent="confirm-totp" label="Code from your app" button="Turn on two-step sign-in" />
            <Form method="post" className="after-form">
              <CsrfInput />
              <button type="submit" name="intent" value="cancel-totp" className="button button--secondary">
                Cancel
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>
              <strong>Off.</strong> With two-step sign-in, someone who learns your password still cannot sign in
              without the code from your phone.
            </p>
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="start-totp" className="button">
                Set up two-step sign-in
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

function CodeForm({ intent, label, button }: { intent: "confirm-totp" | "disable-totp"; label: string; button: string }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TotpCodeSchema }),
  });
  const error = fields.code.errors?.[0];
  return (
    <>
      <ErrorSummary errors={error ? [{ fieldId: fields.code.id, message: error }] : []} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        <TextField
          id={fields.code.id}
          name={fields.code.name}
          label={label}
          hint="6 digits, for example 123456."
          autoComplete="one-time-code"
          inputMode="numeric"
          width="code"
          error={error}
        />
        <button type="submit" className="button">
          {button}
        </button>
      </Form>
    </>
  );
}
