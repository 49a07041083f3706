/** Every rule, by stable id. Docs for each live in docs/rules/<id>.md. */
import type { RuleId } from '../types';
import { cascadeCarriers } from './cascade-carriers';
import { cascadeSubcodes } from './cascade-subcodes';
import type { Rule } from './rule';
import { unknownCode } from './unknown-code';

export const RULES: readonly Rule[] = [cascadeCarriers, cascadeSubcodes, unknownCode];

export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);

export function ruleById(id: RuleId): Rule {
  return RULES.find((rule) => rule.id === id)!;
}
