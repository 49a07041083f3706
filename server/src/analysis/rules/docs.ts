/** Where each rule's documentation is published: docs/rules/<id>.md in the repository. */
import type { RuleId } from '../types';

export const REPOSITORY_URL = 'https://github.com/onelogin-codes/onelogin-codes';

export function ruleDocsUrl(id?: RuleId): string {
  return id ? `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md` : REPOSITORY_URL;
}
