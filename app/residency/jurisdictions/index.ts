import type { Jurisdiction } from "../types";
import { switzerland } from "./ch";
import { eeaStates } from "./eu";
import { unitedKingdom } from "./gb";
import { argentina } from "./ar";
import { brazil } from "./br";
import { canada } from "./ca";
import { alberta } from "./ca-ab";
import { britishColumbia } from "./ca-bc";
import { novaScotia } from "./ca-ns";
import { quebec } from "./ca-qc";
import { mexico } from "./mx";
import { unitedStates } from "./us";
import { california } from "./us-ca";
import { abuDhabiGlobalMarket } from "./ae-adgm";
import { dubaiInternationalFinancialCentre } from "./ae-difc";
import { unitedArabEmirates } from "./ae";
import { israel } from "./il";
import { nigeria } from "./ng";
import { saudiArabia } from "./sa";
import { turkiye } from "./tr";
import { southAfrica } from "./za";
import { china } from "./cn";
import { russia } from "./ru";
import { india } from "./in";
import { japan } from "./jp";
import { korea } from "./kr";
import { australia } from "./au";
import { singapore } from "./sg";
import { newZealand } from "./nz";
import { vietnam } from "./vn";
import { indonesia } from "./id";
import { kazakhstan } from "./kz";

// The catalogue: one line per jurisdiction module. A subdivision (CA-QC) is
// listed like a country; the engine layers it on top of its `parent`.
export const jurisdictions: readonly Jurisdiction[] = [...eeaStates, unitedKingdom, switzerland, saudiArabia, unitedArabEmirates, dubaiInternationalFinancialCentre, abuDhabiGlobalMarket, turkiye, southAfrica, israel, nigeria, canada, quebec, novaScotia, britishColumbia, alberta, unitedStates, california, brazil, argentina, mexico, china, russia, india, japan, korea, australia, singapore, newZealand, vietnam, indonesia, kazakhstan];
