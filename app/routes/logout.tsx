import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { destroySession, getUser } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Sign out · Custodian" }];

// Signing out changes state, so it is a POST; a GET only offers the button.
export function loader({ request }: LoaderFunctionArgs) {
  if (!getUser(request)) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  requireValidCsrf(request, await request.formData());
  return redirect("/login?notice=signed-out", { headers: { "Set-Cookie": destroySession(request) } });
}

export default function LogoutPage() {
  return (
    <div className="narrow">
      <h1>Sign out</h1>
      <Form method="post">
        <CsrfInput />
        <button type="submit" className="button">
          Sign out
        </button>
      </Form>
    </div>
  );
}
