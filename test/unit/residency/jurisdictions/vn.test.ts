import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, single, vendor } from "../support";

const DECREE_53 = "Verify: whether Decree 53/2022 reaches a CRM used by a business outside telecom and online services is unconfirmed";
const NUMBERING = "Verify: the article numbers of the PDP Law 2025 (Art. 27) and Decree 356/2025 (Art. 18)";

function homeAnd(abroad: { region: string; use: "storage" | "backup" | "access" | "processing" }, safeguards: ("vn-ctia-filed" | "tia" | "contract")[] = []) {
  return dataMap({ subjects: ["VN"], parties: [vendor({ locations: [{ region: "VN", use: "storage" }, abroad], safeguards })] });
}

describe("Vietnam (VN) under the PDP Law 2025, Decree 356/2025 and Decree 53/2022", () => {
  it("is in the catalogue with the Ministry of Public Security and its unconfirmed breach timing", () => {
    const def = catalogue.get("VN")!.def;
    expect(def.regulator.name).toContain("Ministry of Public Security (MPS)");
    expect(def.breach.every((b) => b.verify === true)).toBe(true);
  });

  it("prohibits the primary store abroad under Decree 53 even with the CTIA dossier filed, with a high flag on the rule's reach", () => {
    const result = assessDataMap(single("VN", "SG", { safeguards: ["vn-ctia-filed", "contract", "consent"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("prohibited");
    expect(flow.citations).toEqual(["Cybersecurity Law 2018 Art. 26", "Decree 53/2022/ND-CP"]);
    expect(result.flags.find((f) => f.text.startsWith(DECREE_53))?.severity).toBe("high");
  });

  it("requires the CTIA dossier filed with the MPS for a backup abroad of a store kept in Vietnam", () => {
    const bare = flowOf(assessDataMap(homeAnd({ region: "SG", use: "backup" })), { region: "SG" });
    expect(bare.verdict).toBe("non-compliant");
    expect(bare.obligations).toEqual(["vn-ctia-filed"]);
    const filed = assessDataMap(homeAnd({ region: "SG", use: "backup" }, ["vn-ctia-filed"]));
    expect(flowOf(filed, { region: "SG" }).verdict).toBe("permitted-with-safeguard");
    expect(flowOf(filed, { region: "SG" }).basis).toContain("filed with the MPS (due within 60 days of the first transfer)");
    expect(flagTexts(filed).some((t) => t.startsWith(NUMBERING))).toBe(true);
  });

  it("counts overseas access to data stored in Vietnam as a transfer needing the filing", () => {
    const result = assessDataMap(homeAnd({ region: "KR", use: "access" }));
    const access = flowOf(result, { region: "KR" });
    expect(access.verdict).toBe("non-compliant");
    expect(access.citations).toContain("PDP Law No. 91/2025/QH15 (overseas access to data stored in Vietnam is a transfer)");
  });

  it("does not accept an impact assessment kept on file instead of the filed dossier", () => {
    const flow = flowOf(assessDataMap(homeAnd({ region: "US", use: "processing" }, ["tia", "contract"])), { region: "US" });
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("the CTIA dossier must be filed with the MPS");
  });

  it("permits data kept in Vietnam", () => {
    expect(onlyFlow(assessDataMap(single("VN", "VN"))).verdict).toBe("permitted");
  });

  it("judges a second store abroad beside one kept in Vietnam as a copy needing the CTIA dossier, like a backup", () => {
    const bare = flowOf(assessDataMap(homeAnd({ region: "SG", use: "storage" })), { region: "SG" });
    expect(bare.verdict).toBe("non-compliant");
    expect(bare.obligations).toEqual(["vn-ctia-filed"]);
    const result = assessDataMap(homeAnd({ region: "SG", use: "storage" }, ["vn-ctia-filed"]));
    expect(flowOf(result, { region: "SG" }).verdict).toBe("permitted-with-safeguard");
    expect(result.flags.find((f) => f.text.startsWith(DECREE_53))?.severity).toBe("high");
  });

  it("does not take processing in Vietnam for a store kept there: a backup abroad is then the only store, prohibited", () => {
    const map = dataMap({ subjects: ["VN"], parties: [vendor({ locations: [{ region: "VN", use: "processing" }, { region: "SG", use: "backup" }], safeguards: ["vn-ctia-filed"] })] });
    expect(flowOf(assessDataMap(map), { region: "SG" }).verdict).toBe("prohibited");
  });
});
