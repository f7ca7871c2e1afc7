import { describe, expect, it } from "vitest";
import { generateDataMaps } from "~/cli/bench/datamaps";
import { benchmark, formatReport, median, runBenchmark } from "~/cli/bench/harness";
import { DataMapSchema } from "~/datamap/schema";

describe("the benchmark DataMaps", () => {
  const maps = generateDataMaps(1_000, 20);

  it("are 1,000 valid DataMaps of 20 parties each", () => {
    expect(maps).toHaveLength(1_000);
    for (const map of maps) {
      expect(map.parties).toHaveLength(20);
      expect(DataMapSchema.safeParse(map).success).toBe(true);
    }
  });

  it("are the same for the same seed and differ for another", () => {
    expect(generateDataMaps(5, 20)).toEqual(maps.slice(0, 5));
    expect(generateDataMaps(5, 20, 7)).not.toEqual(maps.slice(0, 5));
  });

  it("look like real vendors: several subject regions, onward chains, every use, some unauthorised parties", () => {
    const parties = maps.flatMap((m) => m.parties);
    expect(new Set(maps.map((m) => m.scope.subjects.length))).toEqual(new Set([1, 2, 3, 4]));
    expect(parties.filter((p) => p.engagedBy !== undefined).length).toBeGreaterThan(1_000);
    expect(new Set(parties.flatMap((p) => p.locations.map((l) => l.use)))).toEqual(new Set(["storage", "backup", "access", "processing"]));
    expect(parties.some((p) => p.authorised === false)).toBe(true);
  });
});

describe("the benchmark harness", () => {
  it("takes the median of an odd and an even number of values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("warms up, then reports the median of each figure over the measured runs, and tears down", async () => {
    const calls: string[] = [];
    let n = 0;
    const report = await runBenchmark(
      benchmark({
        name: "counting",
        description: "counts",
        runs: 3,
        warmup: 1,
        budgetMs: 60_000,
        setup: () => (calls.push("setup"), 10),
        run: (base: number) => {
          n++;
          calls.push(`run ${n}`);
          return { value: base + n, other: 100 - n };
        },
        teardown: () => void calls.push("teardown"),
      }),
    );
    expect(calls).toEqual(["setup", "run 1", "run 2", "run 3", "run 4", "teardown"]);
    expect(report).toMatchObject({ name: "counting", runs: 3, figures: { value: 13, other: 97 } });
    expect(formatReport(report, { other: 1 })).toEqual(["value: 13", "other: 97.0"]);
  });

  it("starts no new run once the time budget is spent, but always measures once", async () => {
    let clock = 0;
    const report = await runBenchmark(
      benchmark({
        name: "slow",
        description: "slow",
        runs: 10,
        budgetMs: 250,
        run: () => {
          clock += 100;
          return { ms: 100 };
        },
      }),
      () => clock,
    );
    expect(report.runs).toBe(3);
  });

  it("tears down even when a run fails", async () => {
    let tornDown = false;
    const failing = runBenchmark(
      benchmark({
        name: "failing",
        description: "fails",
        runs: 1,
        budgetMs: 1_000,
        run: () => {
          throw new Error("boom");
        },
        teardown: () => {
          tornDown = true;
        },
      }),
    );
    await expect(failing).rejects.toThrow("boom");
    expect(tornDown).toBe(true);
  });
});
