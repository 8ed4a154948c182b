import type { Label, Plan, PlanContext } from './planner'
import { bestLabel, planOf, runPlan } from './planner'
import { reachOf } from './plan-resync'

/*
 * The cheapest cut of a whole token stream (an export, a preview, a passage), in little memory.
 * The planner's fronts are labels (objects) at every boundary; a whole cut only ever walks back
 * along one path, and a boundary's front is read only while a cue can still reach over it
 * (`reachOf`). So the planner runs a stretch of boundaries at a time, and the fronts that no later
 * cue can read are folded into typed arrays holding just the way back (first token, label there,
 * line break, dialogue). Labels then die young instead of filling the old heap: on a 50 MB
 * export that was ~90 MB promoted and the process's peak (docs/performance.md, big-export).
 * The cue view's re-cut keeps its labelled fronts (local-recut.ts): it needs them to resync.
 */

/** Boundaries the planner runs between two foldings: small, so a label rarely outlives a scavenge. */
const stretch = 256

/** The ways back of folded boundaries: label q of boundary i is entry `offset[i] + q`. */
class WaysBack {
  readonly offset: Int32Array
  j: Int32Array
  p: Int32Array
  split: Int32Array
  dialogue: Uint8Array
  size = 0

  constructor(boundaries: number) {
    this.offset = new Int32Array(boundaries + 1)
    // Nearly every front has one label; the arrays grow when more are kept.
    const capacity = boundaries + 64
    this.j = new Int32Array(capacity)
    this.p = new Int32Array(capacity)
    this.split = new Int32Array(capacity)
    this.dialogue = new Uint8Array(capacity)
  }

  /** Folds boundary `i`'s front (boundaries are folded in order). */
  fold(i: number, front: readonly Label[] | undefined): void {
    this.offset[i] = this.size
    if (!front) return
    if (this.size + front.length > this.j.length) this.grow(this.size + front.length)
    for (const label of front) {
      const k = this.size++
      this.j[k] = label.j
      this.p[k] = label.p
      this.split[k] = label.split
      this.dialogue[k] = label.dialogue ? 1 : 0
    }
  }

  private grow(least: number): void {
    const capacity = Math.max(least, Math.ceil(this.j.length * 1.5))
    const more = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity)
      b.set(a)
      return b
    }
    this.j = more(this.j, (n) => new Int32Array(n))
    this.p = more(this.p, (n) => new Int32Array(n))
    this.split = more(this.split, (n) => new Int32Array(n))
    this.dialogue = more(this.dialogue, (n) => new Uint8Array(n))
  }
}

/** The cheapest cut of the whole token stream into cues (throws when the constraints leave none). */
export function planAll(ctx: PlanContext): { plans: Plan[] } {
  const n = ctx.tokens.length
  if (n === 0) return { plans: [] }
  const fronts: (Label[] | undefined)[] = new Array(n + 1)
  const reach = reachOf(ctx)
  const back = new WaysBack(n)
  let folded = 0
  for (let from = 0; from <= n; from += stretch) {
    const to = Math.min(n, from + stretch - 1)
    runPlan(ctx, fronts as Label[][], from, to)
    // Boundaries after `to` read fronts no further back than `reach` boundaries.
    for (; folded < to - reach; folded++) {
      back.fold(folded, fronts[folded])
      fronts[folded] = undefined
    }
  }
  let q = bestLabel(fronts[n] ?? [])
  for (; folded <= n; folded++) back.fold(folded, fronts[folded])
  const plans: Plan[] = []
  for (let i = n; i > 0; ) {
    const k = back.offset[i] + q
    const way = { j: back.j[k], split: back.split[k], dialogue: back.dialogue[k] === 1 }
    plans.push(planOf(ctx, way, i))
    q = back.p[k]
    i = way.j
  }
  return { plans: plans.reverse() }
}
