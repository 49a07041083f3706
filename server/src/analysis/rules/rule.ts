import type { Catalog } from '../../catalog/catalog';
import type { Bilingual, CodeTable } from '../../catalog/types';
import type { CodeReference, Finding, Handler, RuleId, Severity } from '../types';

/** What a rule sees of one recognised handler. */
export interface RuleInput {
  readonly handler: Handler;
  readonly handlerIndex: number;
  readonly references: readonly CodeReference[];
  readonly table: CodeTable;
  readonly catalog: Catalog;
}

export interface Rule {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  readonly title: Bilingual;
  /** One paragraph for SARIF help and the docs page. */
  readonly help: Bilingual;
  check(input: RuleInput): Finding[];
}
