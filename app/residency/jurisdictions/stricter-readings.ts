import { verifyFlag } from "../judge";
import { RegionSet } from "../regions";
import type { Fact, FlagTemplate, FlowInput, LayerOutcome } from "../types";

// Two questions the reference leaves open for several jurisdictions, settled
// the stricter way: remote access from abroad is judged as a transfer (reference
// X1-X2 confirm that only for some places), and a whitelist that could not be
// confirmed is taken to be empty. A flow whose verdict rests on either reading
// carries the fact's verify flag, so a legal reader sees the assumption.

export type JudgeFlow = (input: FlowInput, declarative: () => LayerOutcome) => LayerOutcome;

export interface StricterReadings {
  /** Remote access from outside the domestic area is judged like storage there. */
  accessIsTransfer: Fact & { verify: true };
  /** No whitelist listing is relied on, though one may exist. */
  whitelistUnconfirmed?: Fact & { verify: true };
  /** Destinations whose own scored-as-not-adequate listing already says why. */
  flaggedElsewhere?: readonly string[];
}

/** The shared flag a verify-flagged fact raises when a flow relies on it. */
export function flagOf(fact: Fact & { verify: true }): FlagTemplate {
  const flag = verifyFlag(fact, fact.citations);
  if (!flag) throw new Error(`fact ${fact.id} is not verify-flagged`);
  return flag;
}

const declarativeOnly: JudgeFlow = (_input, declarative) => declarative();

/** Wraps a jurisdiction's judgement so that each reading it relied on shows up as a flag. */
export function withStricterReadings(readings: StricterReadings, judge: JudgeFlow = declarativeOnly): JudgeFlow {
  const access = flagOf(readings.accessIsTransfer);
  const whitelist = readings.whitelistUnconfirmed && flagOf(readings.whitelistUnconfirmed);
  const elsewhere = new RegionSet(readings.flaggedElsewhere ?? []);
  return (input, declarative) => {
    const judged = judge(input, declarative);
    // Permitted flows relied on neither reading; a prohibited one rests on a localization rule.
    if (judged.verdict === "permitted" || judged.verdict === "prohibited") return judged;
    const added: FlagTemplate[] = [];
    if (input.location.use === "access") added.push(access);
    if (whitelist && !elsewhere.has(input.location.region)) added.push(whitelist);
    return added.length === 0 ? judged : { ...judged, flags: [...judged.flags, ...added] };
  };
}
