import type { LocationUse, Region } from "~/datamap/schema";
import type { Verdict } from "~/residency/types";
import { useLabels, verdictOrder, verdictWords } from "~/residency/words";

// The flow picture's layout, shared by the web page's SVG and the PDF:
// subject regions on the left, destinations on the right, one line per pair
// in the colour and dash pattern of the most severe verdict between them.

export interface PictureFlow {
  region: Region;
  regionLabel: string;
  use: LocationUse;
  verdict: Verdict;
  partyName: string;
}

export interface PictureGroup {
  subject: Region;
  label: string;
  flows: readonly PictureFlow[];
}

/** How each verdict is drawn: colour for the glance, dash pattern for readers and printers without colour. */
export const verdictStroke: Readonly<Record<Verdict, { colour: string; dash?: string; width: number; pattern: string }>> = {
  permitted: { colour: "#1e6b34", width: 3, pattern: "solid line" },
  "permitted-with-safeguard": { colour: "#174a7c", dash: "18 6", width: 3, pattern: "long dashes" },
  "non-compliant": { colour: "#b35900", dash: "7 5", width: 3, pattern: "short dashes" },
  prohibited: { colour: "#a4161a", dash: "0.1 8", width: 5, pattern: "dots" },
};

const rank = (v: Verdict) => verdictOrder.indexOf(v);

const WIDTH = 760;
export const LEFT_X = 250;
export const RIGHT_X = 510;
const ROW = 34;
const TOP = 52;

export interface PictureLink {
  subject: Region;
  region: Region;
  verdict: Verdict;
  y1: number;
  y2: number;
  title: string;
}

export interface PictureLayout {
  width: number;
  height: number;
  subjects: { code: Region; label: string; y: number }[];
  destinations: { code: Region; label: string; y: number }[];
  links: PictureLink[];
}

export function layoutFlowPicture(groups: readonly PictureGroup[]): PictureLayout {
  const pairs = new Map<string, { subject: Region; subjectIndex: number; region: Region; verdict: Verdict; flows: PictureFlow[] }>();
  const destinationLabels = new Map<Region, string>();
  groups.forEach((group, subjectIndex) => {
    for (const flow of group.flows) {
      destinationLabels.set(flow.region, flow.regionLabel);
      const key = `${group.subject}\u0000${flow.region}`;
      const pair = pairs.get(key);
      if (!pair) pairs.set(key, { subject: group.subject, subjectIndex, region: flow.region, verdict: flow.verdict, flows: [flow] });
      else {
        pair.flows.push(flow);
        if (rank(flow.verdict) > rank(pair.verdict)) pair.verdict = flow.verdict;
      }
    }
  });

  // Each destination sits level with the mean of the subjects it is linked to, which keeps crossings few.
  const centre = new Map<Region, number[]>();
  for (const pair of pairs.values()) centre.set(pair.region, [...(centre.get(pair.region) ?? []), pair.subjectIndex]);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const destinationCodes = [...destinationLabels.keys()].sort(
    (a, b) => mean(centre.get(a) ?? [0]) - mean(centre.get(b) ?? [0]) || (destinationLabels.get(a) ?? a).localeCompare(destinationLabels.get(b) ?? b, "en"),
  );

  const rows = Math.max(groups.length, destinationCodes.length, 1);
  const height = TOP + rows * ROW + 8;
  const column = (count: number) => {
    const offset = ((rows - count) * ROW) / 2;
    return (index: number) => TOP + offset + index * ROW + ROW / 2;
  };
  const leftY = column(groups.length);
  const rightY = column(destinationCodes.length);
  const subjects = groups.map((g, i) => ({ code: g.subject, label: g.label, y: leftY(i) }));
  const destinations = destinationCodes.map((code, i) => ({ code, label: destinationLabels.get(code) ?? code, y: rightY(i) }));
  const yOfSubject = new Map(subjects.map((s) => [s.code, s.y]));
  const yOfDestination = new Map(destinations.map((d) => [d.code, d.y]));

  const links = [...pairs.values()]
    .map((pair) => {
      const subjectLabel = groups[pair.subjectIndex]?.label ?? pair.subject;
      const count = pair.flows.length === 1 ? "1 flow" : `${pair.flows.length} flows`;
      const what = pair.flows.map((f) => `${useLabels[f.use].toLowerCase()} by ${f.partyName}`).join("; ");
      return {
        subject: pair.subject,
        region: pair.region,
        verdict: pair.verdict,
        y1: yOfSubject.get(pair.subject) ?? 0,
        y2: yOfDestination.get(pair.region) ?? 0,
        title: `${subjectLabel} to ${destinationLabels.get(pair.region)}: ${verdictWords[pair.verdict]} at worst (${count}: ${what})`,
      };
    })
    // The most severe lines are drawn last, on top.
    .sort((a, b) => rank(a.verdict) - rank(b.verdict));

  return { width: WIDTH, height, subjects, destinations, links };
}
