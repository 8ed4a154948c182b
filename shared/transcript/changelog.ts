import { alignSequences } from './align'
import type { Segment, TranscriptModel, Word } from './model'
import { originalWordsOf } from './edit-text'
import { wordKey, wordsText } from './text'

/*
 * What the reviewer changed, for a review summary: against the model as loaded (word ids
 * survive splits and merges, so a word is "the same" by id and "replaced" when its text
 * changed) and against the recogniser's originalWords (by text alignment).
 */

/** One word-level change inside a segment. */
export interface WordChange {
  readonly kind: 'inserted' | 'deleted' | 'replaced'
  readonly before: string
  readonly after: string
}

/** Counts of differences between two word sequences. */
export interface DiffCounts {
  readonly inserted: number
  readonly deleted: number
  readonly replaced: number
}

/** What happened to one segment. */
export interface SegmentChange {
  readonly segmentId: string
  readonly status: 'edited' | 'added' | 'removed'
  readonly speakerId: string
  readonly startMs: number
  readonly endMs: number
  /** The text as loaded (empty for an added segment). */
  readonly textBefore: string
  /** The text now (empty for a removed segment). */
  readonly textAfter: string
  /** The recogniser's text (originalWords), when known. */
  readonly originalText: string | null
  readonly speakerChanged: boolean
  readonly timingChanged: boolean
  readonly words: readonly WordChange[]
  /** Current words against originalWords. */
  readonly fromOriginal: DiffCounts | null
}

/** The review summary: totals and the per-segment list (in timeline order, removed ones last). */
export interface ChangeLog {
  readonly counts: {
    readonly segmentsEdited: number
    readonly segmentsAdded: number
    readonly segmentsRemoved: number
    readonly segmentsReviewed: number
    readonly wordsInserted: number
    readonly wordsDeleted: number
    readonly wordsReplaced: number
    /** Words differing from the recogniser's output (inserted + deleted + replaced), over the whole transcript. */
    readonly wordsChangedFromOriginal: number
    readonly speakersAdded: number
    readonly speakersRemoved: number
    readonly speakersChanged: number
    readonly annotationsAdded: number
    readonly annotationsEdited: number
    readonly annotationsRemoved: number
  }
  readonly segments: readonly SegmentChange[]
}

/** Inserted/deleted/replaced counts between two token lists (case and punctuation ignored). */
export function diffCounts(before: readonly string[], after: readonly string[]): DiffCounts {
  // Punctuation-only tokens are not words: attaching or detaching them is no change.
  const a = before.map(wordKey).filter((k) => k !== '')
  const b = after.map(wordKey).filter((k) => k !== '')
  const pairs = alignSequences(a, b, (x, y) => x === y)
  let inserted = 0
  let deleted = 0
  let replaced = 0
  let pi = 0
  let pj = 0
  for (const p of [...pairs, { i: a.length, j: b.length }]) {
    const m = p.i - pi
    const n = p.j - pj
    const r = Math.min(m, n)
    replaced += r
    deleted += m - r
    inserted += n - r
    pi = p.i + 1
    pj = p.j + 1
  }
  return { inserted, deleted, replaced }
}

/** The change log of `current` against `loaded` (the model normalised from the export). */
export function buildChangeLog(loaded: TranscriptModel, current: TranscriptModel): ChangeLog {
  const loadedWords = new Map<string, Word>()
  const loadedSegs = new Map<string, Segment>()
  for (const s of loaded.segments) {
    loadedSegs.set(s.id, s)
    for (const w of s.words) loadedWords.set(w.id, w)
  }
  const currentWords = new Set<string>()
  const currentSegs = new Set<string>()
  for (const s of current.segments) {
    currentSegs.add(s.id)
    for (const w of s.words) currentWords.add(w.id)
  }

  let wordsInserted = 0
  let wordsReplaced = 0
  let wordsChangedFromOriginal = 0
  let segmentsReviewed = 0
  const changes: SegmentChange[] = []
  for (const seg of current.segments) {
    if (seg.reviewed) segmentsReviewed++
    const orig = originalWordsOf(seg)
    const fromOriginal = orig ? diffCounts(orig.map((w) => w.text ?? ''), seg.words.map((w) => w.text)) : null
    if (fromOriginal) wordsChangedFromOriginal += fromOriginal.inserted + fromOriginal.deleted + fromOriginal.replaced
    const before = loadedSegs.get(seg.id)
    if (before === seg || (!seg.edited && before)) continue
    const words: WordChange[] = []
    for (const w of seg.words) {
      const was = loadedWords.get(w.id)
      if (!was) {
        wordsInserted++
        words.push({ kind: 'inserted', before: '', after: w.text })
      } else if (was.text !== w.text) {
        wordsReplaced++
        words.push({ kind: 'replaced', before: was.text, after: w.text })
      }
    }
    if (before) for (const w of before.words) if (!currentWords.has(w.id)) words.push({ kind: 'deleted', before: w.text, after: '' })
    changes.push({
      segmentId: seg.id,
      status: before ? 'edited' : 'added',
      speakerId: seg.speakerId,
      startMs: seg.startMs,
      endMs: seg.endMs,
      textBefore: before ? wordsText(before.words) : '',
      textAfter: wordsText(seg.words),
      originalText: orig ? orig.map((w) => w.text).join(' ') : null,
      speakerChanged: before ? before.speakerId !== seg.speakerId : false,
      timingChanged: before ? before.startMs !== seg.startMs || before.endMs !== seg.endMs : false,
      words,
      fromOriginal
    })
  }
  let wordsDeleted = 0
  for (const id of loadedWords.keys()) if (!currentWords.has(id)) wordsDeleted++
  for (const s of loaded.segments) {
    if (currentSegs.has(s.id)) continue
    const orig = originalWordsOf(s)
    changes.push({
      segmentId: s.id,
      status: 'removed',
      speakerId: s.speakerId,
      startMs: s.startMs,
      endMs: s.endMs,
      textBefore: wordsText(s.words),
      textAfter: '',
      originalText: orig ? orig.map((w) => w.text).join(' ') : null,
      speakerChanged: false,
      timingChanged: false,
      words: s.words.filter((w) => !currentWords.has(w.id)).map((w) => ({ kind: 'deleted' as const, before: w.text, after: '' })),
      fromOriginal: null
    })
  }

  const loadedSpeakers = new Map(loaded.speakers.map((s) => [s.id, s]))
  const currentSpeakers = new Set(current.speakers.map((s) => s.id))
  const loadedAnnotations = new Map(loaded.annotations.map((a) => [a.id, a]))
  const currentAnnotations = new Set(current.annotations.map((a) => a.id))
  return {
    counts: {
      segmentsEdited: changes.filter((c) => c.status === 'edited').length,
      segmentsAdded: changes.filter((c) => c.status === 'added').length,
      segmentsRemoved: changes.filter((c) => c.status === 'removed').length,
      segmentsReviewed,
      wordsInserted,
      wordsDeleted,
      wordsReplaced,
      wordsChangedFromOriginal,
      speakersAdded: current.speakers.filter((s) => !loadedSpeakers.has(s.id)).length,
      speakersRemoved: loaded.speakers.filter((s) => !currentSpeakers.has(s.id)).length,
      speakersChanged: current.speakers.filter((s) => loadedSpeakers.has(s.id) && loadedSpeakers.get(s.id) !== s).length,
      annotationsAdded: current.annotations.filter((a) => !loadedAnnotations.has(a.id)).length,
      annotationsEdited: current.annotations.filter((a) => loadedAnnotations.has(a.id) && loadedAnnotations.get(a.id) !== a).length,
      annotationsRemoved: loaded.annotations.filter((a) => !currentAnnotations.has(a.id)).length
    },
    segments: changes
  }
}
