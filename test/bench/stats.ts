/*
 * What every benchmark reports: a figure is a value with its unit, and for timed steps the
 * median, 95th percentile and number of runs.
 */

/** One figure in bench-results.json. */
export interface Figure {
  readonly value: number
  readonly unit: string
  readonly median?: number
  readonly p95?: number
  readonly runs?: number
  /** Spread over runs (A/B benchmarks): the smallest and largest run. */
  readonly min?: number
  readonly max?: number
  /** The same figure for the old way, measured in the same run (A/B benchmarks). */
  readonly old?: number
  /** What the figure should reach (at most, or exactly for a yes/no). */
  readonly target?: number
}

/** A benchmark module's figures by name. */
export type Figures = Record<string, Figure>

/** Times `fn` over `runs` calls, in milliseconds each. */
export function timeRuns(runs: number, fn: (i: number) => void): number[] {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn(i)
    out.push(performance.now() - t)
  }
  return out
}

/** Median and p95 of millisecond timings, rounded to `decimals`. */
export function summarise(values: readonly number[], decimals = 3): Figure {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]
  const f = 10 ** decimals
  const round = (x: number): number => Math.round(x * f) / f
  return { value: round(median), unit: 'ms', median: round(median), p95: round(p95), runs: values.length }
}
