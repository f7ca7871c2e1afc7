import { demoUsers } from "#db/seed-demo-data";
import type { DemoRole } from "./auth";
import type { WatchedPage } from "./browser";

/** Signs the page's browser context in as a demo user through the sign-in form, as a person would. */
export async function signInAs(watched: WatchedPage, baseUrl: string, role: DemoRole) {
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`No demo ${role}`);
  const { page } = watched;
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
