import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { ForgotPasswordSchema } from "~/auth/forms";
import { publicOrigin, requestPasswordReset } from "~/auth/password-reset.server";
import { clientAddress, consumeRateLimit, describeWait, tooManyRequests } from "~/auth/throttle.server";
import { getDb } from "~/db.server";
import { normaliseEmail } from "~/models/users.server";
import { ErrorSummary } from "~/ui/error-summary";
import { TextField } from "~/ui/form-fields";

export const meta: MetaFunction = () => [{ title: "Reset your password · Custodian" }];

const HOUR = 60 * 60_000;

export function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  requireValidCsrf(request, formData);
  const submission = parseWithZod(formData, { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  const db = getDb();
  // Limits per address asked for and per client stop the page being used to flood someone's inbox.
  const throttled =
    consumeRateLimit(db, { bucket: "password-reset:ip", key: clientAddress(context), limit: 10, windowMs: HOUR }) ??
    consumeRateLimit(db, { bucket: "password-reset:email", key: normaliseEmail(submission.value.email), limit: 3, windowMs: HOUR });
  if (throttled) {
    const message = `Too many reset links were asked for. Wait ${describeWait(throttled.retryAfterSeconds)}, then try again.`;
    return tooManyRequests(throttled, { result: submission.reply({ fieldErrors: { email: [message] } }) });
  }
  // Not awaited: a slow mail server must not reveal, by the time the page takes, that the address has an account.
  requestPasswordReset(db, submission.value.email, publicOrigin(request)).catch((error: unknown) => {
    console.error("The password reset mail could not be sent:", error);
  });
  return redirect("/forgot-password?sent=1");
}

export default function ForgotPasswordPage() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  const error = fields.email.errors?.[0];

  if (sent) {
    return (
      <div className="narrow">
        <h1>Check your email</h1>
        <p>
          If an account uses that email address, we have sent it a link to reset the password. The link works once,
          within an hour.
        </p>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Reset your password</h1>
      <ErrorSummary errors={error ? [{ fieldId: fields.email.id, message: error }] : []} />
      <p>Enter the email address you sign in with. We will send it a link to choose a new password.</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <TextField
          id={fields.email.id}
          name={fields.email.name}
          label="Email address"
          type="email"
          autoComplete="username"
          defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : undefined}
          error={error}
        />
        <button type="submit" className="button">
          Send the link
        </button>
      </Form>
      <p className="after-form">
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}
