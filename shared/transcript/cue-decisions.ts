import { allocateIds, badRequest } from './internal'
import type { TranscriptModel, Word } from './model'
import { notice, noticeText, type Notice } from '../i18n/notices'

/*
 * Cue decisions: the reviewer's say over the subtitle cut, anchored to word ids (never to cue
 * numbers, which change with every edit). The cutter (shared/subtitles/decisions.ts) honours
 * them; here they are added and removed as ordinary undoable edits, and kept anchored when other
 * edits delete their words.
 *
 * Re-anchoring rule, for a decision whose anchor word is gone: an anchor that starts something
 * (a break before a word, the first word of a kept or locked range, a nudged in-time) moves to
 * the word that now follows the nearest surviving word before it (the word now in its place, or
 * the next survivor); an anchor that ends something (a range's last word, a nudged out-time)
 * moves to the word that now precedes the nearest surviving word after it. A range left empty,
 * or a break left before the very first word, is dropped. Either way the edit reports a notice.
 */

/** Furthest a nudge may move a cue's in or out time, in ms. */
export const maxNudgeMs = 2000

/** One reviewer decision about the subtitle cut. Times are ms from the start of the recording. */
export type CueDecision =
  | { readonly id: string; readonly kind: 'break-before'; readonly wordId: string }
  | { readonly id: string; readonly kind: 'keep-together'; readonly fromWordId: string; readonly toWordId: string }
  | { readonly id: string; readonly kind: 'nudge'; readonly edge: 'in' | 'out'; readonly wordId: string; readonly deltaMs: number }
  | { readonly id: string; readonly kind: 'lock'; readonly fromWordId: string; readonly toWordId: string; readonly startMs: number; readonly endMs: number }

/** A decision as the reviewer asks for it (the id is given by `addCueDecision`). */
export type NewCueDecision = CueDecision extends infer D ? (D extends CueDecision ? Omit<D, 'id'> : never) : never

/** What an edit did to a decision whose anchor word went away. */
export interface CueDecisionNotice {
  readonly decisionId: string
  readonly outcome: 'moved' | 'dropped'
  /** In English, for logs and `sdte`. */
  readonly message: string
  /** The same as a code and parameters, for the renderer's translation. */
  readonly notice: Notice
}

/** Every word, in transcript order. */
function allWords(model: TranscriptModel): Word[] {
  return model.segments.flatMap((s) => s.words)
}

/** The word ids a decision is anchored to. */
export function anchorsOf(d: CueDecision): string[] {
  return d.kind === 'keep-together' || d.kind === 'lock' ? [d.fromWordId, d.toWordId] : [d.wordId]
}

function check(model: TranscriptModel, d: NewCueDecision): void {
  const order = new Map(allWords(model).map((w, k) => [w.id, k]))
  const at = (id: string): number => {
    const k = order.get(id)
    if (k === undefined) badRequest(`There is no word "${id}" to anchor the decision to.`)
    return k
  }
  if (d.kind === 'break-before' && at(d.wordId) === 0) badRequest('A cue always starts at the first word: there is nothing to break before it.')
  if (d.kind === 'nudge') {
    at(d.wordId)
    if (!Number.isInteger(d.deltaMs) || Math.abs(d.deltaMs) > maxNudgeMs) badRequest(`A nudge is a whole number of ms within ±${maxNudgeMs}, not ${d.deltaMs}.`)
  }
  if (d.kind === 'keep-together' || d.kind === 'lock') {
    if (at(d.fromWordId) > at(d.toWordId)) badRequest('The range ends before it starts.')
  }
  if (d.kind === 'lock' && (!Number.isInteger(d.startMs) || !Number.isInteger(d.endMs) || d.startMs < 0 || d.endMs <= d.startMs)) {
    badRequest('A locked cue needs whole-ms times, a start at or after 0 and before its end.')
  }
}

const sameTarget = (a: CueDecision, b: NewCueDecision): boolean =>
  a.kind === b.kind && (a.kind !== 'nudge' || (b.kind === 'nudge' && a.edge === b.edge)) && anchorsOf(a).join() === anchorsOf(b as CueDecision).join()

/**
 * Adds a decision (an undoable edit). A decision of the same kind on the same anchors replaces
 * the old one (dragging an edge twice keeps one nudge); a bad anchor or figure is a bad_request.
 */
export function addCueDecision(model: TranscriptModel, decision: NewCueDecision): TranscriptModel {
  check(model, decision)
  const existing = model.cueDecisions ?? []
  const old = existing.find((d) => sameTarget(d, decision))
  if (old && JSON.stringify({ ...old, id: '' }) === JSON.stringify({ ...decision, id: '' })) return model
  const { ids, nextId } = allocateIds(model, 'd', 1)
  const made = { ...decision, id: ids[0] } as CueDecision
  return { ...model, cueDecisions: [...existing.filter((d) => d !== old), made], nextId }
}

/** Removes decision `id` (an undoable edit); an unknown id is a bad_request. */
export function removeCueDecision(model: TranscriptModel, id: string): TranscriptModel {
  const existing = model.cueDecisions ?? []
  if (!existing.some((d) => d.id === id)) badRequest(`There is no cue decision "${id}".`)
  return { ...model, cueDecisions: existing.filter((d) => d.id !== id) }
}

/** Word ids in `before` that `after` no longer has (looking only at segments the edit replaced). */
function removedWordIds(before: TranscriptModel, after: TranscriptModel): Set<string> {
  const kept = new Set(after.segments)
  const gone = new Set<string>()
  for (const s of before.segments) if (!kept.has(s)) for (const w of s.words) gone.add(w.id)
  if (gone.size === 0) return gone
  const old = new Set(before.segments)
  for (const s of after.segments) if (!old.has(s)) for (const w of s.words) gone.delete(w.id)
  return gone
}

const quote = (w: Word | undefined): Notice => (w ? notice('decision.word', { text: w.text }) : notice('decision.no-word'))

/**
 * Keeps `after`'s decisions anchored to words that exist, after an edit turned `before` into
 * `after`: each decision whose anchor went away moves or is dropped by the rule in the header,
 * with a notice. Returns `after` itself when nothing needed doing.
 */
export function reanchorCueDecisions(before: TranscriptModel, after: TranscriptModel): { model: TranscriptModel; notices: CueDecisionNotice[] } {
  const decisions = after.cueDecisions
  if (!decisions || decisions.length === 0 || before === after) return { model: after, notices: [] }
  const gone = removedWordIds(before, after)
  if (gone.size === 0 || !decisions.some((d) => anchorsOf(d).some((id) => gone.has(id)))) return { model: after, notices: [] }
  const oldWords = allWords(before)
  const oldIndex = new Map(oldWords.map((w, k) => [w.id, k]))
  const newWords = allWords(after)
  const newIndex = new Map(newWords.map((w, k) => [w.id, k]))
  // Where a starting anchor lands: just after the nearest survivor before it.
  const startAt = (id: string): number => {
    if (newIndex.has(id)) return newIndex.get(id)!
    for (let k = (oldIndex.get(id) ?? 0) - 1; k >= 0; k--) {
      const n = newIndex.get(oldWords[k].id)
      if (n !== undefined) return n + 1
    }
    return 0
  }
  // Where an ending anchor lands: just before the nearest survivor after it.
  const endAt = (id: string): number => {
    if (newIndex.has(id)) return newIndex.get(id)!
    for (let k = (oldIndex.get(id) ?? oldWords.length) + 1; k < oldWords.length; k++) {
      const n = newIndex.get(oldWords[k].id)
      if (n !== undefined) return n - 1
    }
    return newWords.length - 1
  }
  const notices: CueDecisionNotice[] = []
  const kept: CueDecision[] = []
  const said = (decisionId: string, outcome: CueDecisionNotice['outcome'], n: Notice): CueDecisionNotice => ({ decisionId, outcome, message: noticeText(n), notice: n })
  for (const d of decisions) {
    if (!anchorsOf(d).some((id) => gone.has(id))) {
      kept.push(d)
      continue
    }
    const oldWord = oldWords[oldIndex.get(anchorsOf(d)[0]) ?? -1]
    const what = notice(`decision.what.${d.kind}`)
    const drop = (why: Notice): void => {
      notices.push(said(d.id, 'dropped', notice('decision.dropped', { what, word: quote(oldWord), why })))
    }
    let moved: CueDecision | null = null
    if (d.kind === 'break-before' || (d.kind === 'nudge' && d.edge === 'in')) {
      const k = startAt(d.wordId)
      if (k >= newWords.length || (d.kind === 'break-before' && k === 0)) drop(notice('decision.why.no-follower'))
      else moved = { ...d, wordId: newWords[k].id }
    } else if (d.kind === 'nudge') {
      const k = endAt(d.wordId)
      if (k < 0) drop(notice('decision.why.no-predecessor'))
      else moved = { ...d, wordId: newWords[k].id }
    } else {
      const a = startAt(d.fromWordId)
      const b = endAt(d.toWordId)
      if (a > b || a >= newWords.length || b < 0) drop(notice('decision.why.all-deleted'))
      else moved = { ...d, fromWordId: newWords[a].id, toWordId: newWords[b].id }
    }
    if (moved) {
      kept.push(moved)
      const to = newWords[newIndex.get(anchorsOf(moved)[0])!]
      notices.push(said(d.id, 'moved', notice('decision.moved', { what, word: quote(oldWord), to: quote(to) })))
    }
  }
  return { model: { ...after, cueDecisions: kept }, notices }
}

// The notices of the edit that made a model (set by keepAnchored), for applyEdit to return.
const noticesOfModel = new WeakMap<TranscriptModel, CueDecisionNotice[]>()

/** Wraps an edit so the model it returns never holds a decision anchored to a missing word. */
export function keepAnchored<A extends unknown[]>(edit: (model: TranscriptModel, ...args: A) => TranscriptModel): (model: TranscriptModel, ...args: A) => TranscriptModel {
  return (model, ...args) => {
    const { model: next, notices } = reanchorCueDecisions(model, edit(model, ...args))
    if (notices.length) noticesOfModel.set(next, notices)
    return next
  }
}

/**
 * Runs an edit and keeps the decisions anchored, returning the notices for the editor to show
 * (what moved where, what was dropped and why).
 */
export function applyEdit(model: TranscriptModel, edit: (model: TranscriptModel) => TranscriptModel): { model: TranscriptModel; notices: CueDecisionNotice[] } {
  const after = edit(model)
  const own = reanchorCueDecisions(model, after)
  return own.notices.length ? own : { model: after, notices: noticesOfModel.get(after) ?? [] }
}
