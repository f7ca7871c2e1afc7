// The buyer's own residency policy: rules, their readings and the evaluator.
// Pure: no Remix, no database. Findings are policy, never law (shared/DESIGN.md).
export { evaluatePolicy } from "./evaluate";
export {
  categoryPhrases,
  describeRegionSet,
  describeRule,
  namedRegionSetLabels,
  policyRuleKindLabels,
} from "./describe";
export {
  namedRegionSets,
  policyRuleKinds,
  policySeverities,
  PolicyRuleDefinitionSchema,
  PolicyRuleSchema,
  type NamedRegionSet,
  type PolicyRule,
  type PolicyRuleDefinition,
  type PolicyRuleKind,
  type RegionSetSpec,
} from "./rules";
export type { PolicyFinding, PolicySeverity } from "./types";
