import { describe, expect, it } from "vitest";
import type { Party } from "~/datamap/schema";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const COPIES = "Verify: whether copies abroad of a database kept in Russia remain lawful under the 2025 wording";
const everything: Party["safeguards"] = ["consent", "ru-notification", "tia", "contract", "eu-scc"];

function homeAndAbroad(abroad: Party["locations"][number], safeguards: Party["safeguards"]) {
  return dataMap({ subjects: ["RU"], parties: [vendor({ locations: [{ region: "RU", use: "storage" }, abroad], safeguards })] });
}

describe("Russia (RU) under 152-FZ", () => {
  it("is in the catalogue with Roskomnadzor and the 24-hour and 72-hour breach duties", () => {
    const def = catalogue.get("RU")!.def;
    expect(def.regulator.name).toBe("Roskomnadzor (RKN)");
    expect(def.breach.map((b) => b.hours)).toEqual([24, 72]);
  });

  it("permits a database of Russian citizens kept in Russia", () => {
    const flow = onlyFlow(assessDataMap(single("RU", "RU")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("stays within Russia");
  });

  it("prohibits Russian citizens' primary database abroad whatever the safeguards", () => {
    for (const region of ["DE", "KZ", "US"]) {
      const flow = onlyFlow(assessDataMap(single("RU", region, { safeguards: everything })));
      expect(flow.verdict, region).toBe("prohibited");
      expect(flow.basis).toContain("no transfer mechanism cures a localization breach");
      expect(flow.citations).toEqual(["152-FZ Art. 18(5)"]);
      expect(flow.obligations).toEqual(["keep the primary database of Russian citizens' personal data in Russia"]);
    }
  });

  it("prohibits a backup abroad when no database is kept in Russia", () => {
    expect(onlyFlow(assessDataMap(single("RU", "DE", { use: "backup", safeguards: everything }))).verdict).toBe("prohibited");
  });

  it("judges a backup abroad of a database kept in Russia as a transfer, and flags that copies abroad may no longer be lawful", () => {
    const result = assessDataMap(homeAndAbroad({ region: "DE", use: "backup" }, ["ru-notification", "tia"]));
    const backup = flowOf(result, { region: "DE" });
    expect(backup.verdict).toBe("permitted-with-safeguard");
    expect(backup.citations).toEqual(expect.arrayContaining(["152-FZ Art. 18(5)", "152-FZ Art. 12"]));
    const flag = result.flags.find((f) => f.text.startsWith(COPIES));
    expect(flag?.severity).toBe("high");
  });

  it("prohibits processing abroad when no database is kept in Russia, and judges it as a transfer when one is", () => {
    const initial = onlyFlow(assessDataMap(single("RU", "DE", { use: "processing", safeguards: everything })));
    expect(initial.verdict).toBe("prohibited");
    expect(initial.basis).toContain("no party stores or processes the data in Russia");
    const copy = flowOf(assessDataMap(homeAndAbroad({ region: "DE", use: "processing" }, ["ru-notification", "tia"])), { region: "DE" });
    expect(copy.verdict).toBe("permitted-with-safeguard");
  });

  it("requires notification of Roskomnadzor and an assessment of the recipient even for a Convention 108 party, flagging the assumed party list", () => {
    const bare = assessDataMap(homeAndAbroad({ region: "DE", use: "access" }, []));
    const flow = flowOf(bare, { region: "DE" });
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toEqual(["ru-notification", "tia"]);
    expect(flow.basis).toContain("Germany (DE) counts as ensuring adequate protection (adequacy as a party to Council of Europe Convention 108)");
    expect(flagTexts(bare).some((t) => t.startsWith("Verify: the reference does not list the parties to Convention 108"))).toBe(true);

    const untested = flowOf(assessDataMap(homeAndAbroad({ region: "DE", use: "access" }, ["ru-notification"])), { region: "DE" });
    expect(untested.obligations).toEqual(["tia"]);
    const notified = flowOf(assessDataMap(homeAndAbroad({ region: "DE", use: "access" }, ["ru-notification", "tia"])), { region: "DE" });
    expect(notified.verdict).toBe("permitted-with-safeguard");
    expect(notified.citations).toContain("Council of Europe Convention 108");
  });

  it("treats states known to be on RKN Order No. 128 as adequate, flagging that the list is incomplete", () => {
    const result = assessDataMap(homeAndAbroad({ region: "KZ", use: "processing" }, ["ru-notification", "tia"]));
    expect(flowOf(result, { region: "KZ" }).verdict).toBe("permitted-with-safeguard");
    expect(flowOf(result, { region: "KZ" }).citations).toContain("RKN Order No. 128 (5 Aug 2022)");
    expect(flagTexts(result)).toContain("Verify: only Kazakhstan, Belarus and China are known to be listed in RKN Order No. 128; the full list is unconfirmed.");
  });

  it("requires written consent, notification and waiting out Roskomnadzor's review for a country not known to be adequate", () => {
    const notifiedOnly = assessDataMap(homeAndAbroad({ region: "US", use: "access" }, ["ru-notification", "tia"]));
    const flow = flowOf(notifiedOnly, { region: "US" });
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("notification alone suffices only for a country ensuring adequate protection");
    expect(flow.basis).toContain("the United States (US) is not known to ensure adequate protection");
    expect(flagTexts(notifiedOnly).some((t) => t.startsWith("Verify: the full list in RKN Order No. 128 is unconfirmed"))).toBe(true);

    const result = assessDataMap(homeAndAbroad({ region: "US", use: "access" }, ["consent", "ru-notification", "tia"]));
    const consented = flowOf(result, { region: "US" });
    expect(consented.verdict).toBe("permitted-with-safeguard");
    expect(consented.obligations).toEqual(["transfer only after Roskomnadzor's review of the notification ends"]);
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the length of Roskomnadzor's review"))).toBe(true);
  });

  it("counts remote access from abroad as a transfer, flagging that the reference does not say so", () => {
    const result = assessDataMap(homeAndAbroad({ region: "IN", use: "access" }, []));
    expect(flowOf(result, { region: "IN" }).verdict).toBe("non-compliant");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the reference does not say whether remote access from abroad is a cross-border transfer under 152-FZ"))).toBe(true);
  });

  it("judges each subprocessor on its own safeguards and names the chain", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["RU"],
        parties: [
          vendor({ locations: [{ region: "RU", use: "storage" }] }),
          party({ id: "support", locations: [{ region: "DE", use: "access" }], safeguards: ["ru-notification", "tia"] }),
          party({ id: "dr", engagedBy: "support", locations: [{ region: "DE", use: "backup" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "support" }).verdict).toBe("permitted-with-safeguard");
    const dr = flowOf(result, { party: "dr" });
    expect(dr.verdict).toBe("non-compliant");
    expect(dr.basis).toContain("onward transfer: Vendor Ltd → support → dr");
  });

  it("lists the unconfirmed Russian facts for a legal reader", () => {
    const notes = listJurisdictions().find((j) => j.code === "RU")!.verify.map((v) => v.note).join("\n");
    expect(notes).toContain("Draft Law No. 951518-8");
    expect(notes).toContain("believed 10 working days");
    expect(notes).toContain("2025 wording of 152-FZ Art. 18(5)");
  });

  it("judges a subprocessor's store abroad beside a database kept in Russia as a copy, a transfer flagged as possibly unlawful", () => {
    const map = dataMap({
      subjects: ["RU"],
      parties: [
        vendor({ locations: [{ region: "RU", use: "storage" }], safeguards: [] }),
        party({ id: "analytics", engagedBy: "vendor", locations: [{ region: "DE", use: "storage" }], safeguards: ["ru-notification", "tia"] }),
      ],
    });
    const result = assessDataMap(map);
    expect(flowOf(result, { region: "DE" }).verdict).toBe("permitted-with-safeguard");
    expect(flagTexts(result).some((t) => t.startsWith(COPIES))).toBe(true);
  });
});
