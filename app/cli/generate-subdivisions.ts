import { writeFileSync } from "node:fs";
import { iso31662 } from "iso-3166/2";
import { subdivisionCodesModule } from "~/geo/subdivision-codes-source";

// `npm run geo:subdivisions`: rewrites app/geo/subdivision-codes.ts from the
// iso-3166 package (ISO 3166-2 codes only, packed, so the answering pages stay
// small). A unit test fails when the file and the package disagree.
const target = "app/geo/subdivision-codes.ts";
writeFileSync(target, subdivisionCodesModule(iso31662.map((entry) => entry.code)));
process.stdout.write(`${target}: ${iso31662.length} subdivision codes\n`);
