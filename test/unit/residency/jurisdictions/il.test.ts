import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const reg1 = /^Verify: which countries \(in particular those applying EU law\) Israel treats as adequate under Reg\. 1/;
const reg2Text = "Verify: the full text of the conditions in Reg. 2 of the Transfer Regulations is unconfirmed; the engine relies on the PPA opinion and commentary.";
const accessReading = /^Verify: whether remote access from outside Israel counts as a transfer/;

describe("Israel (IL) under the Transfer Regulations 5761-2001 and the PPA opinion of 13 Apr 2026", () => {
  it("is in the catalogue with the PPA and an immediate duty on severe incidents, whose Amendment 13 changes are unconfirmed", () => {
    const def = catalogue.get("IL")!.def;
    expect(def.regulator.name).toBe("Privacy Protection Authority (PPA)");
    expect(def.breach[0]).toMatchObject({ to: "regulator", deadline: "immediately" });
    const notes = listJurisdictions().find((j) => j.code === "IL")!.verify.map((v) => v.note);
    expect(notes.some((n) => n.startsWith("changes to breach notification under Amendment No. 13 are unconfirmed"))).toBe(true);
  });

  it("permits storage in Israel", () => {
    expect(onlyFlow(assessDataMap(single("IL", "IL"))).verdict).toBe("permitted");
  });

  it("accepts the recipient's Reg. 2(4) undertaking with the content the PPA requires, flagging the unread Reg. 2 text", () => {
    const result = assessDataMap(single("IL", "US", { safeguards: ["il-undertaking"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.basis).toContain("the recipient's Reg. 2(4) undertaking (obligations identical or materially similar to the PPL");
    expect(flow.citations).toEqual(expect.arrayContaining(["Transfer Regulations 5761-2001 Reg. 2(4)", "PPA opinion on Reg. 2(4) (13 Apr 2026)"]));
    expect(flagTexts(result)).toContain(reg2Text);
  });

  it("accepts the data subjects' consent under Reg. 2", () => {
    const flow = onlyFlow(assessDataMap(single("IL", "US", { safeguards: ["consent"] })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toContain("Transfer Regulations 5761-2001 Reg. 2");
  });

  it("does not treat a plain contract as the undertaking", () => {
    const flow = onlyFlow(assessDataMap(single("IL", "US", { safeguards: ["contract", "eu-scc"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("a contract counts only as the recipient's Reg. 2(4) undertaking with the content the PPA required on 13 Apr 2026");
    expect(flow.obligations).toEqual(["il-undertaking or consent"]);
  });

  it("relies on no Reg. 1 adequacy listing, so even storage in the EU needs a Reg. 2 basis, and says so", () => {
    const result = assessDataMap(single("IL", "DE"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("there is no country recognised as adequate under Reg. 1 for Germany (DE)");
    expect(result.flags.find((f) => reg1.test(f.text))?.citations).toEqual(["Transfer Regulations 5761-2001 Reg. 1"]);
  });

  it("counts a backup abroad as storage and remote access from abroad as a transfer, flagging that reading", () => {
    const backup = onlyFlow(assessDataMap(single("IL", "CY", { use: "backup", safeguards: ["il-undertaking"] })));
    expect(backup.verdict).toBe("permitted-with-safeguard");
    expect(backup.basis).toMatch(/^A backup in Cyprus \(CY\), which counts as storage,/);
    const access = assessDataMap(single("IL", "UA", { use: "access" }));
    expect(onlyFlow(access).verdict).toBe("non-compliant");
    expect(flagTexts(access).some((t) => accessReading.test(t))).toBe(true);
  });

  it("needs an undertaking from each subprocessor down the chain", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["IL"],
        parties: [
          vendor({ locations: [{ region: "IE", use: "storage" }], safeguards: ["il-undertaking"] }),
          party({ id: "cdn", locations: [{ region: "US", use: "processing" }], safeguards: ["dpf"] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted-with-safeguard");
    const onward = flowOf(result, { party: "cdn" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.citations).toContain("Transfer Regulations 5761-2001 Reg. 2(4) (onward transfers)");
  });
});
