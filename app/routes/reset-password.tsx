import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { NewPasswordSchema, PASSWORD_MIN_LENGTH } from "~/auth/forms";
import { findUsableResetToken, resetPassword } from "~/auth/password-reset.server";
import { getDb } from "~/db.server";
import { ErrorSummary } from "~/ui/error-summary";
import { TextField } from "~/ui/form-fields";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Custodian" }];

// The token is in the address: never send it on as a referrer, never cache the page.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export function loader({ params }: LoaderFunctionArgs) {
  const holder = findUsableResetToken(getDb(), params.token ?? "");
  if (!holder) return data({ valid: false as const, email: null }, { status: 410 });
  return { valid: true as const, email: holder.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  requireValidCsrf(request, formData);
  const submission = parseWithZod(formData, { schema: NewPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }), expired: false }, { status: 400 });
  }
  const changed = await resetPassword(getDb(), params.token ?? "", submission.value.password);
  if (!changed) return data({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }), expired: true }, { status: 410 });
  return redirect("/login?notice=password-reset");
}

export default function ResetPasswordPage() {
  const { valid, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPasswordSchema }),
  });

  if (!valid || actionData?.expired) {
    return (
      <div className="narrow">
        <h1>This link no longer works</h1>
        <p>A reset link works once, within an hour of being sent. This one has expired or has already been used.</p>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  const errors = [
    { fieldId: fields.password.id, message: fields.password.errors?.[0] },
    { fieldId: fields.confirmPassword.id, message: fields.confirmPassword.errors?.[0] },
  ].filter((e): e is { fieldId: string; message: string } => Boolean(e.message));
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <ErrorSummary errors={errors} />
      <p>For {email}. Signing in anywhere else ends when you save it.</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="text" name="username" value={email ?? ""} autoComplete="username" readOnly hidden />
        <TextField
          id={fields.password.id}
          name={fields.password.name}
          label="New password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to type and hard to guess.`}
          type="password"
          autoComplete="new-password"
          error={fields.password.errors?.[0]}
        />
        <TextField
          id={fields.confirmPassword.id}
          name={fields.confirmPassword.name}
          label="New password again"
          type="password"
          autoComplete="new-password"
          error={fields.confirmPassword.errors?.[0]}
        />
        <button type="submit" className="button">
          Save the new password
        </button>
      </Form>
    </div>
  );
}
