import { describe, expect, it } from "vitest";
import type { DataMap, Party } from "~/datamap/schema";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, vendor } from "../support";

const PROVISIONS = "Provisions on Promoting and Regulating Cross-Border Data Flows (2024)";

function china(
  locations: Party["locations"],
  safeguards: Party["safeguards"],
  options: { subjectsCount?: number; categories?: DataMap["scope"]["categories"]; sector?: DataMap["scope"]["sector"] } = {},
): DataMap {
  return dataMap({ subjects: ["CN"], ...options, parties: [vendor({ locations, safeguards })] });
}
const abroad = (use: Party["locations"][number]["use"] = "storage") => [{ region: "SG", use }];

describe("China (CN) under PIPL and the 2024 Provisions", () => {
  it("is in the catalogue with the CAC and the 1-hour and 4-hour incident reporting deadlines", () => {
    const def = catalogue.get("CN")!.def;
    expect(def.regulator.name).toContain("Cyberspace Administration of China");
    expect(def.breach.map((b) => b.hours)).toEqual(expect.arrayContaining([1, 2, 4]));
    expect(def.transfer.whitelist).toEqual([]);
  });

  it("permits storage anywhere in mainland China, including a province code", () => {
    for (const region of ["CN", "CN-BJ", "CN-SH"]) {
      const flow = onlyFlow(assessDataMap(china([{ region, use: "storage" }], [], { subjectsCount: 5_000_000 })));
      expect(flow.verdict).toBe("permitted");
      expect(flow.basis).toContain("stays within mainland China");
    }
  });

  it("counts support access from abroad to data stored in China as an export", () => {
    const result = assessDataMap(china([{ region: "CN", use: "storage" }, { region: "US", use: "access" }], [], { subjectsCount: 200_000 }));
    const access = flowOf(result, { region: "US" });
    expect(access.verdict).toBe("non-compliant");
    expect(access.basis).toContain("Remote access from the United States (US), which counts as a transfer");
    expect(access.citations).toContain("Draft Certification Measures (Jan 2025): access by foreign entities to data stored in China");
    expect(access.obligations).toEqual(["cn-standard-contract or cn-certification or cn-security-assessment", "pia", "consent"]);
  });

  it("exempts a small non-sensitive export from the three mechanisms but still requires separate consent and a PIPIA, flagged as unconfirmed", () => {
    const bare = assessDataMap(china(abroad(), [], { subjectsCount: 50_000 }));
    expect(onlyFlow(bare).verdict).toBe("non-compliant");
    expect(onlyFlow(bare).basis).toContain("50,000 people (fewer than 100,000) is exempt from the security assessment, standard contract and certification");
    expect(onlyFlow(bare).obligations).toEqual(["consent + pia"]);
    expect(flagTexts(bare)).toContain(
      "Verify: whether separate consent and a PIPIA are still required for exports exempt under the 2024 Provisions is unconfirmed; the engine requires both.",
    );

    const done = onlyFlow(assessDataMap(china(abroad(), ["consent", "pia"], { subjectsCount: 50_000 })));
    expect(done.verdict).toBe("permitted-with-safeguard");
    expect(done.citations).toContain(PROVISIONS);
  });

  it("needs the standard contract, filed with the CAC, or certification for non-sensitive data of 100,000 to 1 million people", () => {
    const result = assessDataMap(china(abroad(), ["cn-standard-contract", "pia", "consent"], { subjectsCount: 100_000 }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.basis).toContain("relies on the CAC standard contract");
    expect(flow.obligations).toEqual(["file the standard contract with the provincial CAC, if not yet done"]);
    expect(flagTexts(result)).toContain("Verify: the deadline for filing the CAC standard contract is unconfirmed.");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the text of PIPL Art. 39"))).toBe(true);

    const certified = onlyFlow(assessDataMap(china(abroad(), ["cn-certification", "pia", "consent"], { subjectsCount: 999_999 })));
    expect(certified.verdict).toBe("permitted-with-safeguard");
    expect(certified.obligations).toEqual([]);

    const noPipia = onlyFlow(assessDataMap(china(abroad(), ["cn-standard-contract", "consent"], { subjectsCount: 300_000 })));
    expect(noPipia.verdict).toBe("non-compliant");
    expect(noPipia.obligations).toContain("pia");
  });

  it("needs the standard contract or certification for any sensitive personal information of fewer than 10,000 people, and says which categories it counted as sensitive", () => {
    const result = assessDataMap(china(abroad(), ["consent", "pia"], { subjectsCount: 2_000, categories: ["contact", "health"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("sensitive personal information (health) of fewer than 10,000 people needs the CAC standard contract or certification");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the reference does not list PIPL's sensitive categories"))).toBe(true);
  });

  it("requires a CAC security assessment for sensitive data of 10,000 people or more, where the standard contract no longer suffices", () => {
    const flow = onlyFlow(
      assessDataMap(china(abroad("processing"), ["cn-standard-contract", "pia", "consent"], { subjectsCount: 20_000, categories: ["biometric"] })),
    );
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("the CAC standard contract is available only for exports below the security-assessment thresholds");
    expect(flow.obligations).toEqual(["cn-security-assessment"]);

    const assessed = onlyFlow(
      assessDataMap(china(abroad("processing"), ["cn-security-assessment", "pia", "consent"], { subjectsCount: 20_000, categories: ["biometric"] })),
    );
    expect(assessed.verdict).toBe("permitted-with-safeguard");
    expect(assessed.citations).toContain("Measures for Security Assessment of Outbound Data Transfers (2022)");
  });

  it("prohibits storing the data of a million people abroad whatever the safeguards, because PIPL Art. 40 requires domestic storage", () => {
    const result = assessDataMap(china(abroad(), ["cn-security-assessment", "pia", "consent", "cn-standard-contract"], { subjectsCount: 1_000_000 }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("prohibited");
    expect(flow.basis).toContain("no transfer mechanism cures a localization breach");
    expect(flow.citations).toEqual(["PIPL Art. 40"]);
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the reference does not give the PIPL Art. 40 volume threshold"))).toBe(true);
    expect(flagTexts(result)).toContain("Verify: the 2024 Provisions do not place exactly 1,000,000 individuals in either tier; the engine takes the stricter.");
  });

  it("judges an offshore backup of a database kept in China as an export needing a CAC security assessment above the volume threshold", () => {
    const locations = [{ region: "CN", use: "storage" as const }, { region: "SG", use: "backup" as const }];
    const without = flowOf(assessDataMap(china(locations, ["cn-standard-contract", "pia", "consent"], { subjectsCount: 2_000_000 })), { region: "SG" });
    expect(without.verdict).toBe("non-compliant");
    expect(without.obligations).toContain("cn-security-assessment");
    const assessed = flowOf(assessDataMap(china(locations, ["cn-security-assessment", "pia", "consent"], { subjectsCount: 2_000_000 })), { region: "SG" });
    expect(assessed.verdict).toBe("permitted-with-safeguard");
    expect(assessed.basis).toContain("personal information of 2,000,000 people (more than 1 million) needs a CAC security assessment");
  });

  it("takes the stricter tier for exactly 1 million people, whom the 2024 Provisions place in neither tier, and flags it", () => {
    const exactly = (subjectsCount: number) =>
      assessDataMap(
        china([{ region: "CN", use: "storage" }, { region: "US", use: "backup" }], ["cn-standard-contract", "pia", "consent"], { subjectsCount, categories: ["contact"] }),
      );
    const FLAG = "Verify: the 2024 Provisions do not place exactly 1,000,000 individuals in either tier; the engine takes the stricter.";

    const result = exactly(1_000_000);
    const backup = flowOf(result, { region: "US" });
    expect(backup.verdict).toBe("non-compliant");
    expect(backup.obligations).toEqual(["cn-security-assessment"]);
    expect(backup.basis).toContain("exactly 1,000,000 people");
    const flag = result.flags.find((f) => f.text === FLAG);
    expect(flag?.severity).toBe("low");
    expect(flag?.citations).toContain(PROVISIONS);

    const above = exactly(1_000_001);
    expect(flowOf(above, { region: "US" }).verdict).toBe("non-compliant");
    expect(flagTexts(above).some((t) => t.startsWith("Verify: the 2024 Provisions do not place exactly"))).toBe(false);
  });

  it("flags the other exact boundaries too: 100,000 people, and 10,000 people with sensitive data, but not sensitive data of 100,000", () => {
    const boundary = (result: ReturnType<typeof assessDataMap>) => flagTexts(result).filter((t) => t.startsWith("Verify: the 2024 Provisions do not place exactly"));
    const contract = ["cn-standard-contract", "pia", "consent"] as Party["safeguards"];
    expect(boundary(assessDataMap(china(abroad("processing"), contract, { subjectsCount: 100_000 })))).toEqual([
      "Verify: the 2024 Provisions do not place exactly 100,000 individuals in either tier; the engine takes the stricter.",
    ]);
    expect(boundary(assessDataMap(china(abroad("processing"), contract, { subjectsCount: 100_001 })))).toEqual([]);
    const sensitive = assessDataMap(china(abroad("processing"), contract, { subjectsCount: 10_000, categories: ["health"] }));
    expect(onlyFlow(sensitive).obligations).toEqual(["cn-security-assessment"]);
    expect(boundary(sensitive)).toEqual(["Verify: the 2024 Provisions do not place exactly 10,000 individuals in either tier; the engine takes the stricter."]);
    expect(boundary(assessDataMap(china(abroad("processing"), contract, { subjectsCount: 10_000 })))).toEqual([]);
    expect(boundary(assessDataMap(china(abroad("processing"), contract, { subjectsCount: 100_000, categories: ["health"] })))).toEqual([]);
  });

  it("assumes the highest thresholds when the map gives no subjectsCount, and says so", () => {
    const result = assessDataMap(china(abroad("access"), ["cn-standard-contract", "pia", "consent"]));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    expect(onlyFlow(result).obligations).toEqual(["cn-security-assessment"]);
    expect(flagTexts(result).some((t) => t.startsWith("The data map gives no subjectsCount for China"))).toBe(true);
    const stored = assessDataMap(china(abroad(), ["cn-security-assessment", "pia", "consent"]));
    expect(onlyFlow(stored).verdict).toBe("prohibited");
    expect(flagTexts(stored).some((t) => t.startsWith("The data map gives no subjectsCount for China"))).toBe(true);
  });

  it("prohibits a state organ's database abroad under PIPL Art. 36, even for few people", () => {
    const flow = onlyFlow(assessDataMap(china(abroad("backup"), ["cn-security-assessment", "pia", "consent"], { subjectsCount: 500, sector: "public" })));
    expect(flow.verdict).toBe("prohibited");
    expect(flow.citations).toEqual(["PIPL Art. 36"]);
  });

  it("treats Hong Kong and Macao, by either code, as outside the mainland", () => {
    for (const region of ["HK", "CN-HK", "MO", "CN-MO"]) {
      const flow = onlyFlow(assessDataMap(china([{ region, use: "storage" }], [], { subjectsCount: 1_000 })));
      expect(flow.verdict, region).toBe("non-compliant");
      expect(flow.citations).toContain("PIPL Art. 38");
    }
  });

  it("flags Taiwan as outside the mainland by an assumption the reference does not make", () => {
    const result = assessDataMap(china([{ region: "CN-TW", use: "storage" }], ["consent", "pia"], { subjectsCount: 1_000 }));
    expect(onlyFlow(result).verdict).toBe("permitted-with-safeguard");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the reference does not address Taiwan"))).toBe(true);
  });

  it("does not apply PIPL to data subjects given as Hong Kong residents", () => {
    const result = assessDataMap(dataMap({ subjects: ["CN-HK"], parties: [vendor({ locations: [{ region: "HK", use: "storage" }, { region: "SG", use: "backup" }] })] }));
    expect(flowOf(result, { region: "HK" }).verdict).toBe("permitted");
    const backup = flowOf(result, { region: "SG" });
    expect(backup.verdict).toBe("non-compliant");
    expect(backup.basis).toContain("which is not in the catalogue");
    expect(result.flags[0]?.severity).toBe("high");
  });

  it("judges a subprocessor chain link by link on each party's own safeguards", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["CN"],
        subjectsCount: 300_000,
        parties: [
          vendor({ locations: [{ region: "CN", use: "storage" }] }),
          party({ id: "support", locations: [{ region: "SG", use: "access" }], safeguards: ["cn-standard-contract", "pia", "consent"] }),
          party({ id: "mail", engagedBy: "support", locations: [{ region: "US", use: "processing" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    expect(flowOf(result, { party: "support" }).verdict).toBe("permitted-with-safeguard");
    const mail = flowOf(result, { party: "mail" });
    expect(mail.verdict).toBe("non-compliant");
    expect(mail.basis).toContain("onward transfer: Vendor Ltd → support → mail");
  });

  it("warns that a CIIO may not store offshore only when data leaves the mainland", () => {
    const ciio = (r: ReturnType<typeof assessDataMap>) => r.flags.some((f) => f.citations.includes("CSL Art. 37"));
    expect(ciio(assessDataMap(china(abroad("access"), [], { subjectsCount: 10 })))).toBe(true);
    expect(ciio(assessDataMap(china([{ region: "CN", use: "storage" }], [], { subjectsCount: 10 })))).toBe(false);
  });

  it("prohibits processing abroad when no database is kept in China, under Art. 40 and Art. 36 alike", () => {
    const safeguards: Party["safeguards"] = ["cn-security-assessment", "pia", "consent"];
    const volume = onlyFlow(assessDataMap(china(abroad("processing"), safeguards, { subjectsCount: 2_000_000 })));
    expect(volume.verdict).toBe("prohibited");
    expect(volume.citations).toContain("PIPL Art. 40");
    const stateOrgan = onlyFlow(assessDataMap(china(abroad("processing"), safeguards, { subjectsCount: 500, sector: "public" })));
    expect(stateOrgan.verdict).toBe("prohibited");
    expect(stateOrgan.citations).toContain("PIPL Art. 36");
  });

  it("judges a subprocessor's copy abroad of a database kept in China as an export under the security assessment", () => {
    const map = dataMap({
      subjects: ["CN"],
      subjectsCount: 2_000_000,
      parties: [
        vendor({ locations: [{ region: "CN", use: "storage" }], safeguards: [] }),
        party({ id: "analytics", engagedBy: "vendor", locations: [{ region: "US", use: "storage" }], safeguards: ["cn-security-assessment", "pia", "consent"] }),
      ],
    });
    expect(flowOf(assessDataMap(map), { region: "US" }).verdict).toBe("permitted-with-safeguard");
  });
});
