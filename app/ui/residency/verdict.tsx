import { verdictWords } from "~/residency/words";
import type { Verdict } from "~/residency/types";

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  return <span className={`verdict verdict--${verdict}`}>{verdictWords[verdict]}</span>;
}
