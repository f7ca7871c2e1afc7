import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { events, organisations, policyRules } from "#db/schema";
import { getDb } from "~/db.server";
import { action as policyAction, loader as policyLoader } from "~/routes/policy";
import { reply, routeArgs, signedInAs, type Reply, type TestBrowser } from "../support/auth";

// Rules are changed as the demo administrator, Ada Okafor.
let admin: TestBrowser;
beforeAll(async () => {
  admin = await signedInAs("admin");
});

/** The policy form posted by the administrator's browser: the action's reply, a redirect or the page with its errors. */
async function post(fields: [string, string][]): Promise<Reply> {
  const body = new FormData();
  body.append("csrf", await admin.csrfToken());
  for (const [name, value] of fields) body.append(name, value);
  const headers = admin.get("/policy").headers;
  headers.set("Sec-Fetch-Site", "same-origin");
  return reply(() => policyAction(routeArgs(new Request("http://localhost/policy", { method: "POST", body, headers }))));
}

const healthRule: [string, string][] = [
  ["intent", "create"],
  ["name", "Health data only in-country"],
  ["kind", "category-in-country"],
  ["severity", "critical"],
  ["category", "health"],
];

function latestEvent() {
  return getDb().select({ type: events.type, actor: events.actor, payload: events.payload }).from(events).orderBy(desc(events.id)).limit(1).get();
}

async function rules() {
  return (await policyLoader(routeArgs(admin.get("/policy")))).rules;
}

describe("the policy page", () => {
  it("lists Acme Retail's demo rules in plain words, switched on", async () => {
    const list = await rules();
    expect(list.map((r) => [r.name, r.reading, r.enabled])).toEqual([
      ["EU customers' data is stored and backed up in the EEA", "For people in the EU, storage and backups stay in the EEA.", true],
      [
        "No support access from outside the EEA and the UK",
        "For everyone in scope, remote access comes only from the EEA or the United Kingdom (GB).",
        true,
      ],
    ]);
  });

  it("adds a rule, records who added it and redirects to the list that names it", async () => {
    const response = await post(healthRule);
    expect(response.status).toBe(302);
    const location = response.location!;
    expect(location).toMatch(/^\/policy\?added=[\w-]+#rules-title$/);
    const page = await policyLoader(routeArgs(admin.get(location.replace(/#.*$/, ""))));
    expect(page.added).toBe("Health data only in-country");
    const added = page.rules.find((r) => r.name === "Health data only in-country")!;
    expect(added).toMatchObject({ severity: "critical", enabled: true });
    expect(added.reading).toBe(
      "For everyone in scope, health data stays in the person's own country: storage, backups, access and processing.",
    );
    expect(latestEvent()).toMatchObject({ type: "policy-rule.created", actor: "Ada Okafor", payload: { ruleId: added.id, name: "Health data only in-country" } });
  });

  it("refuses a rule with a bad region code, naming the field, and stores nothing", async () => {
    const before = (await rules()).length;
    const response = await post(
      [
        ["intent", "create"],
        ["name", "Support from our own offices"],
        ["kind", "access-within"],
        ["severity", "high"],
        ["allowedRegions", "GB, XX"],
      ],
    );
    expect(response.status).toBe(422);
    expect(response.data).toMatchObject({ status: "error", error: { allowedRegions: ['Allowed regions: "XX" is not an ISO 3166 code such as DE, GB or CA-QC'] } });
    expect((await rules()).length).toBe(before);
  });

  it("refuses a rule without a name or allowed regions, naming each field", async () => {
    const response = await post([["intent", "create"], ["name", " "], ["kind", "access-within"], ["severity", "high"]]);
    expect(response.status).toBe(422);
    expect(response.data).toMatchObject({ status: "error", error: { name: ["Name: enter a name for the rule"] } });
    const noRegions = await post([["intent", "create"], ["name", "Access"], ["kind", "access-within"], ["severity", "high"]]);
    expect(noRegions.data).toMatchObject({ error: { allowedSets: ["Allowed regions: choose a region set or enter region codes"] } });
  });

  it("switches a rule off and on again, recording each change", async () => {
    const rule = (await rules())[0]!;
    await post([["intent", "disable"], ["ruleId", rule.id]]);
    expect((await rules()).find((r) => r.id === rule.id)?.enabled).toBe(false);
    expect(latestEvent()).toMatchObject({ type: "policy-rule.disabled", payload: { ruleId: rule.id } });
    await post([["intent", "enable"], ["ruleId", rule.id]]);
    expect((await rules()).find((r) => r.id === rule.id)?.enabled).toBe(true);
    expect(latestEvent()).toMatchObject({ type: "policy-rule.enabled" });
  });

  it("deletes a rule, keeping its definition in the event log", async () => {
    await post(healthRule);
    const rule = (await rules()).find((r) => r.name === "Health data only in-country")!;
    const response = await post([["intent", "delete"], ["ruleId", rule.id]]);
    expect(response.location).toBe("/policy#rules-title");
    expect((await rules()).some((r) => r.id === rule.id)).toBe(false);
    expect(latestEvent()).toMatchObject({
      type: "policy-rule.deleted",
      payload: { ruleId: rule.id, definition: { kind: "category-in-country", category: "health" } },
    });
  });

  it("answers 404 for another organisation's rule, and leaves it alone", async () => {
    const db = getDb();
    const globex = newId();
    const foreignRule = newId();
    db.insert(organisations).values({ id: globex, name: "Globex" }).run();
    db.insert(policyRules)
      .values({
        id: foreignRule,
        organisationId: globex,
        name: "Globex rule",
        definition: { kind: "access-within", subjects: null, allowed: { sets: ["eea"], regions: [] } },
        updatedAt: new Date(),
      })
      .run();
    for (const intent of ["delete", "disable"]) {
      const response = await post([["intent", intent], ["ruleId", foreignRule]]);
      expect(response.status).toBe(404);
    }
    expect(db.select({ enabled: policyRules.enabled }).from(policyRules).where(eq(policyRules.id, foreignRule)).get()).toEqual({ enabled: true });
    expect((await rules()).map((r) => r.name)).not.toContain("Globex rule");
  });
});
