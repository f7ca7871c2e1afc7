import { isMap, isScalar, isSeq, type Document, type LineCounter } from "yaml";

export type PathSegment = string | number;

/**
 * The 1-based line of the deepest node along `path` that exists: the line of a
 * key for map entries, of the item for sequence entries. A missing key is
 * reported on the line of its parent, where the author has to add it.
 */
export function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): number {
  let node: unknown = doc.contents;
  let line = rangeLine(node, lineCounter) ?? 1;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      line = rangeLine(pair.key, lineCounter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) break;
      line = rangeLine(item, lineCounter) ?? line;
      node = item;
    } else break;
  }
  return line;
}

function rangeLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

/** "sections[0].questions[2].visible_if.q" */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    "",
  );
}
