import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  describeVerification,
  eventHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedFields,
  type ChainRow,
} from "~/audit/chain";
import { parseAuditRecordLine, toAuditRecord } from "~/audit/export-format";

function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let id = 1; id <= count; id += 1) {
    const fields: ChainedFields = {
      id,
      organisationId: "org-1",
      assessmentId: id % 2 ? "a-1" : null,
      actorUserId: null,
      actor: `Person ${id}`,
      type: "answer.changed",
      payload: { questionId: `s1.q${id}`, after: { value: id, naReason: null } },
      createdAt: 1_790_000_000_000 + id * 1000,
    };
    const hash = eventHash(prevHash, fields);
    rows.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** What an attacker with the file would do after an edit: recompute every hash from there on. */
function rehashFrom(rows: ChainRow[], index: number): ChainRow[] {
  const out = rows.map((r) => ({ ...r }));
  for (let i = index; i < out.length; i += 1) {
    const row = out[i]!;
    row.prevHash = i === 0 ? GENESIS_HASH : out[i - 1]!.hash;
    row.hash = eventHash(row.prevHash!, row);
  }
  return out;
}

describe("canonical serialisation", () => {
  it("sorts object keys at every depth, so key order never changes a hash", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it("drops undefined members as the JSON column does", () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson([undefined])).toBe("[null]");
  });

  it("gives a different hash when any field or the previous hash changes", () => {
    const [row] = chain(1);
    const base = eventHash(GENESIS_HASH, row!);
    expect(eventHash("1".repeat(64), row!)).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...row!, actor: "Someone else" })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...row!, createdAt: row!.createdAt + 1 })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...row!, payload: { questionId: "s1.q1", after: { value: 2, naReason: null } } })).not.toBe(base);
  });
});

describe("verifying the chain", () => {
  it("accepts an intact chain and reports its head", () => {
    const rows = chain(5);
    expect(verifyChain(rows)).toEqual({ ok: true, count: 5, lastId: 5, lastHash: rows[4]!.hash });
    expect(describeVerification(verifyChain(rows))).toBe(`Audit trail intact: 5 events, ids 1 to 5; head 5:${rows[4]!.hash}`);
  });

  it("accepts an empty trail", () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, lastId: null, lastHash: GENESIS_HASH });
    expect(describeVerification(verifyChain([]))).toBe("Audit trail intact: no events yet.");
  });

  it("names an edited row as edited", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, payload: { questionId: "s1.q3", after: { value: "changed", naReason: null } } };
    const result = verifyChain(rows);
    expect(result).toMatchObject({ ok: false, problem: { id: 3, kind: "edited" } });
    expect(describeVerification(result)).toBe(
      "Audit trail broken at event 3 (edited): event 3 does not match its hash: the row was edited after it was recorded.",
    );
  });

  it("names the row after a deleted one, with the missing ids", () => {
    const rows = chain(5);
    rows.splice(1, 2);
    expect(verifyChain(rows)).toMatchObject({
      ok: false,
      problem: { id: 4, kind: "deleted", message: "events 2 to 3 are missing before event 4: rows were deleted" },
    });
  });

  it("notices deleted first rows", () => {
    expect(verifyChain(chain(3).slice(1))).toMatchObject({ ok: false, problem: { id: 2, kind: "deleted" } });
  });

  it("notices the newest rows deleted when told the highest id ever issued", () => {
    const rows = chain(5).slice(0, 3);
    expect(verifyChain(rows).ok).toBe(true);
    expect(verifyChain(rows, { highestIssuedId: 5 })).toMatchObject({
      ok: false,
      problem: { id: 4, kind: "deleted", message: "events 4 to 5 are missing at the end of the trail: rows were deleted" },
    });
  });

  it("names a row whose previous hash is not the hash of the row before", () => {
    const rows = chain(4);
    rows[2] = { ...rows[2]!, prevHash: rows[0]!.hash };
    rows[2].hash = eventHash(rows[2].prevHash!, rows[2]);
    expect(verifyChain(rows)).toMatchObject({ ok: false, problem: { id: 3, kind: "deleted-or-inserted" } });
  });

  it("names a row written without a hash", () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, hash: null };
    expect(verifyChain(rows)).toMatchObject({ ok: false, problem: { id: 2, kind: "unchained" } });
  });

  it("lets an edit re-hashed to the end pass alone, but not against a head noted before", () => {
    const rows = chain(5);
    const noted = { id: 5, hash: rows[4]!.hash! };
    rows[1] = { ...rows[1]!, actor: "Mallory" };
    const forged = rehashFrom(rows, 1);
    expect(verifyChain(forged).ok).toBe(true);
    expect(verifyChain(forged, { anchors: [noted] })).toMatchObject({ ok: false, problem: { id: 5, kind: "rewritten" } });
    expect(verifyChain(chain(5), { anchors: [noted] }).ok).toBe(true);
  });

  it("reports a noted row that is no longer there", () => {
    const rows = chain(5);
    expect(verifyChain(rows.slice(0, 4), { anchors: [{ id: 5, hash: rows[4]!.hash! }] })).toMatchObject({
      ok: false,
      problem: { id: 5, kind: "deleted" },
    });
  });
});

describe("the export format", () => {
  it("round-trips every row so an export verifies on its own", () => {
    const rows = chain(4);
    const lines = rows.map((r) => JSON.stringify(toAuditRecord(r)));
    const back = lines.map((line, i) => parseAuditRecordLine(line, i + 1));
    expect(back).toEqual(rows);
    expect(verifyChain(back).ok).toBe(true);
  });

  it("names the line and the field of a malformed record", () => {
    expect(() => parseAuditRecordLine("{", 7)).toThrow("line 7: not JSON");
    const record = { ...toAuditRecord(chain(1)[0]!), createdAt: "yesterday" };
    expect(() => parseAuditRecordLine(JSON.stringify(record), 2)).toThrow(/^line 2: createdAt: /);
  });
});
