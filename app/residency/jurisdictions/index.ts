import type { Jurisdiction } from "../types";
import { switzerland } from "./ch";
import { eeaStates } from "./eu";
import { unitedKingdom } from "./gb";

// The catalogue: one line per jurisdiction module. A subdivision (CA-QC) is
// listed like a country; the engine layers it on top of its `parent`.
export const jurisdictions: readonly Jurisdiction[] = [...eeaStates, unitedKingdom, switzerland];
