/** Finding what sits under the cursor in an analysis. */
import type { Analysis, CodeReference, Handler } from '../analysis/types';

/** The reference whose range holds `offset` (a cursor right after the last character counts). */
export function referenceAt(analysis: Analysis, offset: number): CodeReference | undefined {
  return analysis.references.find((r) => r.range.start <= offset && offset <= r.range.end);
}

/** The innermost recognised handler whose range holds `offset`. */
export function handlerAt(analysis: Analysis, offset: number): { handler: Handler; index: number } | undefined {
  let best: { handler: Handler; index: number } | undefined;
  analysis.handlers.forEach((handler, index) => {
    if (handler.range.start <= offset && offset <= handler.range.end) {
      if (!best || handler.range.start >= best.handler.range.start) best = { handler, index };
    }
  });
  return best;
}
