/** After each code literal, its short meaning (off by default: oneloginCodes.inlayHints.enable). */
import type { Analysis } from '../analysis/types';
import type { Lang } from '../catalog/types';

export interface Hint {
  readonly offset: number;
  readonly label: string;
  readonly tooltip: string;
}

const LABEL_LIMIT = 18;

export function inlayHints(analysis: Analysis, lang: Lang, from = 0, to = Number.POSITIVE_INFINITY): Hint[] {
  return analysis.references
    .filter((r) => r.range.end >= from && r.range.start <= to && r.candidates.length > 0)
    .map((r) => {
      const description = r.candidates[0]!.entry.row.description[lang];
      const chars = [...description];
      const label = chars.length > LABEL_LIMIT ? `${chars.slice(0, LABEL_LIMIT - 1).join('')}…` : description;
      return { offset: r.range.end, label: ` ${label}`, tooltip: description };
    });
}
