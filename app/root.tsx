import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { prepareCsrf } from "./auth/csrf.server";
import { getSignedInUser } from "./auth/session.server";
import { MainNav, UserMenu } from "./auth/user-menu";
import stylesheet from "./styles/app.css?url";
import { useNonce } from "./ui/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Custodian" }];

// Every page gets the signed-in user for the header and the CSRF token for its forms.
export function loader({ request }: LoaderFunctionArgs) {
  const user = getSignedInUser(request);
  const csrf = prepareCsrf(request);
  return data(
    {
      user: user ? { name: user.name, role: user.role, organisationName: user.organisationName } : null,
      csrfToken: csrf.token,
    },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

/** Vendor portal pages (handle { portal: true }) show none of the buyer's navigation. */
function useIsPortal(): boolean {
  return useMatches().some((match) => (match.handle as { portal?: boolean } | undefined)?.portal === true);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const portal = useIsPortal();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            {portal ? (
              <span className="site-header__brand">Custodian</span>
            ) : (
              <Link to="/" className="site-header__brand">
                Custodian
              </Link>
            )}
            {portal ? (
              <p className="site-header__name">Vendor portal</p>
            ) : (
              <>
                <MainNav />
                <UserMenu />
              </>
            )}
          </div>
        </header>
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Custodian: due diligence on hosted CRM vendors.</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const portal = useIsPortal();
  const home = portal ? null : (
    <p>
      <Link to="/">Go to the vendor dashboard</Link>
    </p>
  );
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section aria-labelledby="error-title">
        <h1 id="error-title">Page not found</h1>
        <p>
          {portal && typeof error.data === "string"
            ? error.data
            : "There is nothing at this address. It may have moved, or the link may be mistyped."}
        </p>
        {home}
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <section aria-labelledby="error-title">
        <h1 id="error-title">
          {error.status === 403 ? "Not allowed" : error.status === 410 ? "This link no longer works" : error.status === 429 ? "Too many requests" : "Request not accepted"}
        </h1>
        <p>{typeof error.data === "string" ? error.data : error.statusText}</p>
        {home}
      </section>
    );
  }
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>
        The server could not complete this request. Nothing you saved before has been lost. Try
        again in a moment; if it keeps happening, tell your administrator the time it happened.
      </p>
      <p>
        <Link to="/">Go to the vendor dashboard</Link>
      </p>
    </section>
  );
}
