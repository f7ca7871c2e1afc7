// Points are counted in whole tenths inside the module and shown with one
// decimal. Rounded lines must still add up to the rounded total, so totals are
// rounded once and the leftover tenths go to the lines with the largest
// remainders (Hamilton's method), ties to the earlier line.

export function allocate(exact: readonly number[]): number[] {
  const floors = exact.map((e) => Math.floor(e));
  const total = Math.round(exact.reduce((sum, e) => sum + e, 0));
  let left = total - floors.reduce((sum, f) => sum + f, 0);
  const order = exact
    .map((e, index) => ({ index, remainder: e - Math.floor(e) }))
    .filter((item) => item.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left--;
  }
  return floors;
}

export function worths(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return weights.map(() => 0);
  return allocate(weights.map((w) => (1000 * w) / total));
}

export const toPoints = (tenths: number): number => tenths / 10;
export const toTenths = (points: number): number => Math.round(points * 10);
