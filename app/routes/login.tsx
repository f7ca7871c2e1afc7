import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { LoginCodeSchema, LoginSchema } from "~/auth/forms";
import { attemptPasswordLogin, attemptSecondFactor } from "~/auth/login.server";
import {
  createSession,
  destroySession,
  getSecondFactorPending,
  getUser,
  safeRedirectTo,
} from "~/auth/session.server";
import { clientAddress, describeWait, tooManyRequests } from "~/auth/throttle.server";
import { getDb } from "~/db.server";
import { ErrorSummary } from "~/ui/error-summary";
import { TextField } from "~/ui/form-fields";

export const meta: MetaFunction = () => [{ title: "Sign in · Custodian" }];

const notices = {
  "signed-out": "You have signed out.",
  "password-reset": "Your password has been changed. Sign in with the new one.",
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectTo(url.searchParams.get("redirectTo"));
  if (getUser(request)) throw redirect(redirectTo);
  const notice = url.searchParams.get("notice");
  return {
    step: getSecondFactorPending(request) ? ("code" as const) : ("password" as const),
    redirectTo,
    notice: notice === "signed-out" || notice === "password-reset" ? notices[notice] : null,
  };
}

const throttledMessage = (seconds: number) =>
  `Too many failed attempts to sign in. Wait ${describeWait(seconds)}, then try again.`;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  requireValidCsrf(request, formData);
  const db = getDb();
  const ip = clientAddress(context);
  const intent = formData.get("intent");

  if (intent === "start-again") {
    return redirect("/login", { headers: { "Set-Cookie": destroySession(request) } });
  }

  if (intent === "code") {
    const pending = getSecondFactorPending(request);
    if (!pending) return redirect("/login");
    const submission = parseWithZod(formData, { schema: LoginCodeSchema });
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const outcome = attemptSecondFactor(db, { userId: pending.userId, code: submission.value.code, ip });
    if (outcome.kind === "throttled") {
      const result = submission.reply({ fieldErrors: { code: [throttledMessage(outcome.retryAfterSeconds)] }, hideFields: ["code"] });
      return tooManyRequests(outcome, { result });
    }
    if (outcome.kind !== "signed-in") {
      const result = submission.reply({
        fieldErrors: { code: ["The code is not right or has expired: enter the code your app shows now"] },
        hideFields: ["code"],
      });
      return data({ result }, { status: 401 });
    }
    return redirect(safeRedirectTo(submission.value.redirectTo), {
      headers: { "Set-Cookie": createSession(request, outcome.userId) },
    });
  }

  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const outcome = await attemptPasswordLogin(db, { ...submission.value, ip });
  if (outcome.kind === "throttled") {
    const result = submission.reply({
      fieldErrors: { email: [throttledMessage(outcome.retryAfterSeconds)] },
      hideFields: ["password"],
    });
    return tooManyRequests(outcome, { result });
  }
  if (outcome.kind === "invalid") {
    const result = submission.reply({
      fieldErrors: { email: ["The email address or the password is not right"] },
      hideFields: ["password"],
    });
    return data({ result }, { status: 401 });
  }
  const redirectTo = safeRedirectTo(submission.value.redirectTo);
  if (outcome.kind === "second-factor-needed") {
    const cookie = createSession(request, outcome.userId, { secondFactorPending: true });
    return redirect(`/login?${new URLSearchParams({ redirectTo }).toString()}`, { headers: { "Set-Cookie": cookie } });
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": createSession(request, outcome.userId) } });
}

export default function LoginPage() {
  const { step, redirectTo, notice } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      {notice ? (
        <p className="notice notice--ok" role="status">
          {notice}
        </p>
      ) : null}
      {step === "code" ? <CodeStep redirectTo={redirectTo} /> : <PasswordStep redirectTo={redirectTo} />}
    </div>
  );
}

function PasswordStep({ redirectTo }: { redirectTo: string }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  const errors = [
    { fieldId: fields.email.id, message: fields.email.errors?.[0] },
    { fieldId: fields.password.id, message: fields.password.errors?.[0] },
  ].filter((e): e is { fieldId: string; message: string } => Boolean(e.message));
  return (
    <>
      <h1>Sign in</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          id={fields.email.id}
          name={fields.email.name}
          label="Email address"
          type="email"
          autoComplete="username"
          defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : undefined}
          error={fields.email.errors?.[0]}
        />
        <TextField
          id={fields.password.id}
          name={fields.password.name}
          label="Password"
          type="password"
          autoComplete="current-password"
          error={fields.password.errors?.[0]}
        />
        <button type="submit" className="button">
          Sign in
        </button>
      </Form>
      <p className="after-form">
        <Link to="/forgot-password">Forgotten your password?</Link>
      </p>
    </>
  );
}

function CodeStep({ redirectTo }: { redirectTo: string }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "login-code",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginCodeSchema }),
  });
  const error = fields.code.errors?.[0];
  return (
    <>
      <h1>Enter your security code</h1>
      <ErrorSummary errors={error ? [{ fieldId: fields.code.id, message: error }] : []} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="intent" value="code" />
        <TextField
          id={fields.code.id}
          name={fields.code.name}
          label="Security code"
          hint="The 6-digit code your authenticator app shows for Custodian."
          autoComplete="one-time-code"
          inputMode="numeric"
          width="code"
          error={error}
        />
        <button type="submit" className="button">
          Continue
        </button>
      </Form>
      <Form method="post" className="after-form">
        <CsrfInput />
        <button type="submit" name="intent" value="start-again" className="button button--secondary">
          Sign in as someone else
        </button>
      </Form>
    </>
  );
}
