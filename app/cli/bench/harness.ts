// The benchmark harness behind `npm run bench`: named benchmarks, each
// repeated several times within a time budget, reported as medians, one
// figure per line as `name: value`. Speed budgets are read from these lines,
// never asserted in tests.

/** The figures one run measured, e.g. { datamaps_per_second: 1650 }. Names are unique across benchmarks. */
export type Figures = Record<string, number>;

export interface Benchmark<State = unknown> {
  name: string;
  /** One line for `npm run bench -- --list`. */
  description: string;
  /** Measured runs; the median of each figure is reported. */
  runs: number;
  /** Unmeasured runs first, to warm caches and the JIT. */
  warmup?: number;
  /** No new run starts after this long; at least one measured run always happens. */
  budgetMs: number;
  /** Decimal places of each figure (default 0). */
  decimals?: Record<string, number>;
  setup?(): State | Promise<State>;
  run(state: State): Figures | Promise<Figures>;
  teardown?(state: State): void | Promise<void>;
}

/** Lets a registry hold benchmarks of different state types. */
export function benchmark<State>(definition: Benchmark<State>): Benchmark<unknown> {
  return definition as unknown as Benchmark<unknown>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface BenchmarkReport {
  name: string;
  runs: number;
  /** The median of each figure over the measured runs. */
  figures: Figures;
  elapsedMs: number;
}

export async function runBenchmark(b: Benchmark<unknown>, now: () => number = () => performance.now()): Promise<BenchmarkReport> {
  const started = now();
  const state = b.setup ? await b.setup() : undefined;
  try {
    for (let i = 0; i < (b.warmup ?? 0) && now() - started < b.budgetMs; i++) await b.run(state);
    const samples: Figures[] = [];
    while (samples.length < b.runs && (samples.length === 0 || now() - started < b.budgetMs)) samples.push(await b.run(state));
    const names = Object.keys(samples[0] ?? {});
    const figures = Object.fromEntries(names.map((name) => [name, median(samples.map((s) => s[name] ?? Number.NaN))]));
    return { name: b.name, runs: samples.length, figures, elapsedMs: now() - started };
  } finally {
    await b.teardown?.(state);
  }
}

/** `datamaps_per_second: 1650`, one line per figure, in the order the benchmark gave them. */
export function formatReport(report: BenchmarkReport, decimals: Record<string, number> = {}): string[] {
  return Object.entries(report.figures).map(([name, value]) => `${name}: ${value.toFixed(decimals[name] ?? 0)}`);
}
