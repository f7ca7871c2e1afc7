import type { LocationUse, Region } from "~/datamap/schema";
import type { Verdict } from "~/residency/types";
import { useLabels, verdictOrder, verdictWords } from "./verdict";

// Subject regions on the left, destinations on the right, one line per pair
// in the colour and dash pattern of the most severe verdict between them.
// Server-rendered SVG with presentation attributes (the CSP forbids inline
// styles); the flows tables are its text alternative.

interface PictureFlow {
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
const LEFT_X = 250;
const RIGHT_X = 510;
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

function strokeAttributes(verdict: Verdict) {
  const s = verdictStroke[verdict];
  return {
    stroke: s.colour,
    strokeWidth: s.width,
    strokeLinecap: verdict === "prohibited" ? ("round" as const) : ("butt" as const),
    ...(s.dash ? { strokeDasharray: s.dash } : {}),
    fill: "none",
  };
}

export function FlowPicture({ groups, id = "flow-picture" }: { groups: readonly PictureGroup[]; id?: string }) {
  const layout = layoutFlowPicture(groups);
  const midX = (LEFT_X + RIGHT_X) / 2;
  return (
    <figure className="flow-picture" aria-labelledby={`${id}-caption`}>
      <svg
        className="flow-picture__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>Where the data goes, by where the data subjects are</title>
        <desc id={`${id}-desc`}>
          {`${layout.links.length} lines join ${layout.subjects.length} subject regions on the left to ${layout.destinations.length} destinations on the right. The tables below list every flow in words.`}
        </desc>
        <text x={LEFT_X} y={24} textAnchor="end" className="flow-picture__heading">
          Data subjects in
        </text>
        <text x={RIGHT_X} y={24} className="flow-picture__heading">
          Destinations
        </text>
        <g className="flow-picture__links">
          {layout.links.map((link) => (
            <path
              key={`${link.subject}-${link.region}`}
              className={`flow-line flow-line--${link.verdict}`}
              data-verdict={link.verdict}
              d={`M ${LEFT_X + 6} ${link.y1} C ${midX} ${link.y1}, ${midX} ${link.y2}, ${RIGHT_X - 6} ${link.y2}`}
              {...strokeAttributes(link.verdict)}
            >
              <title>{link.title}</title>
            </path>
          ))}
        </g>
        <g className="flow-picture__subjects">
          {layout.subjects.map((s) => (
            <g key={s.code}>
              <circle cx={LEFT_X} cy={s.y} r={6} fill="#1d3557" />
              <text x={LEFT_X - 12} y={s.y + 5} textAnchor="end">
                {s.label}
              </text>
            </g>
          ))}
        </g>
        <g className="flow-picture__destinations">
          {layout.destinations.map((d) => (
            <g key={d.code}>
              <circle cx={RIGHT_X} cy={d.y} r={6} fill="#1d3557" />
              <text x={RIGHT_X + 12} y={d.y + 5}>
                {d.label}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption id={`${id}-caption`}>
        <p className="flow-picture__explain">
          Each line joins a region where data subjects are to a place their data goes. Its colour and pattern show the
          most severe verdict among the flows between the two.
        </p>
        <ul className="flow-legend" aria-label="Legend">
          {verdictOrder.map((verdict) => (
            <li key={verdict}>
              <svg className="flow-legend__sample" viewBox="0 0 48 12" aria-hidden="true" focusable="false">
                <line x1={2} y1={6} x2={46} y2={6} {...strokeAttributes(verdict)} />
              </svg>
              <span>
                {verdictWords[verdict]} ({verdictStroke[verdict].pattern})
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
