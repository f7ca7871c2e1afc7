import { austria } from "./at";
import { belgium } from "./be";
import { bulgaria } from "./bg";
import { croatia } from "./hr";
import { cyprus } from "./cy";
import { czechia } from "./cz";
import { denmark } from "./dk";
import { estonia } from "./ee";
import { finland } from "./fi";
import { france } from "./fr";
import { germany } from "./de";
import { greece } from "./gr";
import { hungary } from "./hu";
import { ireland } from "./ie";
import { italy } from "./it";
import { latvia } from "./lv";
import { lithuania } from "./lt";
import { luxembourg } from "./lu";
import { malta } from "./mt";
import { netherlands } from "./nl";
import { poland } from "./pl";
import { portugal } from "./pt";
import { romania } from "./ro";
import { slovakia } from "./sk";
import { slovenia } from "./si";
import { spain } from "./es";
import { sweden } from "./se";
import { iceland } from "./is";
import { liechtenstein } from "./li";
import { norway } from "./no";
import type { Jurisdiction } from "../../types";

/** The 30 EEA states: EU-27, then Iceland, Liechtenstein and Norway. */
export const eeaStates: readonly Jurisdiction[] = [
  austria, belgium, bulgaria, croatia, cyprus, czechia, denmark, estonia, finland, france, germany, greece, hungary, ireland, italy, latvia, lithuania, luxembourg, malta, netherlands, poland, portugal, romania, slovakia, slovenia, spain, sweden, iceland, liechtenstein, norway,
];
