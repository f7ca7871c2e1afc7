import { verdictOrder, verdictWords } from "~/residency/words";
import type { Verdict } from "~/residency/types";
import { LEFT_X, RIGHT_X, layoutFlowPicture, verdictStroke, type PictureGroup } from "~/report/flow-layout";

// Server-rendered SVG with presentation attributes (the CSP forbids inline
// styles); the flows tables are its text alternative.

export type { PictureGroup } from "~/report/flow-layout";

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
