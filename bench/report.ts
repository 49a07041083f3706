/** What both parts of the bench report with: percentiles of timings, and whether a target holds. */

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function verdict(ok: boolean): string {
  return ok ? 'ok' : 'OVER';
}
