import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test that caused it. A test that
// expects one says so with `expectConsoleError(/pattern/)`.
const expected: RegExp[] = [];
let unexpected: string[] = [];

export function expectConsoleError(pattern: RegExp) {
  expected.push(pattern);
}

beforeEach(() => {
  unexpected = [];
  expected.length = 0;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(" ");
    if (!expected.some((p) => p.test(text))) unexpected.push(text);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console.error:\n${unexpected.join("\n---\n")}`);
  }
});
