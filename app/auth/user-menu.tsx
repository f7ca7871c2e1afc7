import { Form, Link, useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import { CsrfInput } from "./csrf-input";

/** The app's sections; a signed-out visitor has none to go to, so sees none. */
export function MainNav() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  if (!root?.user) return null;
  return (
    <nav aria-label="Main">
      <ul className="site-nav">
        <li>
          <Link to="/">Vendors</Link>
        </li>
        <li>
          <Link to="/portfolio">Portfolio</Link>
        </li>
        <li>
          <Link to="/policy">Residency policy</Link>
        </li>
      </ul>
    </nav>
  );
}

/** The header's right-hand side: who is signed in, for which organisation, and the way out. */
export function UserMenu() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const user = root?.user;
  if (!user) {
    return (
      <div className="site-header__user">
        <Link to="/login">Sign in</Link>
      </div>
    );
  }
  return (
    <div className="site-header__user">
      <p className="site-header__who">
        <span className="site-header__name">{user.name}</span>
        <span className="site-header__organisation">{user.organisationName}</span>
      </p>
      {user.role === "admin" ? <Link to="/outbox">Outbox</Link> : null}
      {user.role === "admin" ? <Link to="/settings">Settings</Link> : null}
      <Link to="/account">Your account</Link>
      <Form method="post" action="/logout" className="site-header__sign-out">
        <CsrfInput />
        <button type="submit" className="button button--on-brand">
          Sign out
        </button>
      </Form>
    </div>
  );
}
