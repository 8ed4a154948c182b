import type { Label } from './planner'

/*
 * The planner's labels and the front each boundary keeps (planner.ts). The live cue view re-plans
 * ~50–200 boundaries per keystroke, so what a boundary allocates is paid on every edit
 * (issue 17): every label is made by `makeLabel`, so all have one hidden class and the planner's
 * loops stay monomorphic (a label copied with a spread had another: V8 deoptimised the planner
 * and the re-sync every few dozen edits, each time in a keystroke's re-cut), their frames are
 * small integers (no boxed double per field), and the builder keeps its working list from one
 * boundary to the next (a list grown and spliced per boundary was ~0.1 MB per edit).
 */

/**
 * Beyond every real frame: the state of a label that no cue follows (the end) or that nothing
 * precedes (the start, negated). A small integer, unlike ±Infinity, so label fields stay unboxed
 * (2^30 frames is over 200 days at 60 fps).
 */
export const noFrame = 2 ** 30 - 1

/** A label (the one place labels are made: see the module comment). */
export function makeLabel(b: number, c: number, n: number, f: number, j: number, p: number, split: number, dialogue: boolean): Label {
  return { b, c, n, f, j, p, split, dialogue }
}

/**
 * An empty list of labels of the same elements kind as every front (an empty literal `[]` is
 * another kind: a front made of one was enough for V8 to deoptimise the loops reading fronts).
 */
export function noLabels(): Label[] {
  const list = [makeLabel(0, 0, 0, 0, 0, 0, 0, false)]
  list.length = 0
  return list
}

/** `x` before `y` in a front: fewest breaches, cheapest, earliest. */
function before(x: Label, y: Label): number {
  return x.b - y.b || x.c - y.c || x.f - y.f || x.n - y.n
}

/**
 * The labels a boundary keeps: every label no other beats on breaches, nominal start and free
 * frame together (the cheapest of equals), which is enough for the fewest breaches; and the
 * cheapest of the fewest-breach labels (the `leader`), which carries the quality. Any other
 * label is dropped, so fronts stay at a few labels.
 */
export class FrontBuilder {
  // The kept labels so far, in the order they came: entries [0, size) (reused, never shrunk).
  private readonly skeleton: Label[] = noLabels()
  private size = 0
  private leader: Label | null = null

  /** False when a label would be dropped anyway (so the caller need not build it). */
  wants(b: number, c: number, n: number, f: number): boolean {
    const l = this.leader
    if (l === null || b < l.b || (b === l.b && c < l.c)) return true
    const sk = this.skeleton
    for (let i = 0; i < this.size; i++) {
      const k = sk[i]
      if (k.b <= b && k.n <= n && k.f <= f && (k.b < b || k.n < n || k.f < f || k.c <= c)) return false
    }
    return true
  }

  add(label: Label): void {
    const l = this.leader
    if (l === null || label.b < l.b || (label.b === l.b && label.c < l.c)) this.leader = label
    const sk = this.skeleton
    const size = this.size
    for (let i = 0; i < size; i++) {
      const k = sk[i]
      if (k.b <= label.b && k.n <= label.n && k.f <= label.f && (k.b < label.b || k.n < label.n || k.f < label.f || k.c <= label.c)) return
    }
    // Drops the labels this one is at least as good as on all three, keeping the others' order.
    let kept = 0
    for (let i = 0; i < size; i++) {
      const x = sk[i]
      if (!(label.b <= x.b && label.n <= x.n && label.f <= x.f)) sk[kept++] = x
    }
    sk[kept] = label
    this.size = kept + 1
  }

  /** The kept labels, in a fixed order (fewest breaches, cheapest, earliest; ties as they came). */
  take(): Label[] {
    const sk = this.skeleton
    const l = this.leader
    let size = this.size
    if (l !== null) {
      let has = false
      for (let i = 0; i < size && !has; i++) has = sk[i] === l
      if (!has) sk[size++] = l
    }
    const out = sk.slice(0, size)
    // A stable insertion sort (fronts hold one to a few labels): what a stable sort gives.
    for (let i = 1; i < out.length; i++) {
      const x = out[i]
      let k = i - 1
      for (; k >= 0 && before(out[k], x) > 0; k--) out[k + 1] = out[k]
      out[k + 1] = x
    }
    this.size = 0
    this.leader = null
    return out
  }
}
