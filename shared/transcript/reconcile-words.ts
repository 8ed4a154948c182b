import type { ApiWord } from '../api/transcript-export'
import { alignSequences } from './align'
import { interpolateTimes } from './internal'
import type { Word } from './model'
import { tokenize, wordKey } from './text'
import { clampTimeMs, maxTimeMs } from './time-range'
import { confidenceToUnit, isTimed, secondsToMs } from './units'

/*
 * One segment's words (part of normalise.ts): displayText is what people reviewed, so it decides
 * the words; displayWords only lend their timings to the tokens they align with. Tokens with no
 * aligned word get times interpolated inside the gap they sit in and are marked `estimated`.
 */

/** A displayWords entry with its time in ms (measured, or interpolated when it had no offset). */
interface Timed {
  readonly source: ApiWord
  readonly key: string
  readonly startMs: number
  readonly endMs: number
  readonly estimated: boolean
}

/**
 * The longest length given to a word that has a start but no duration (see `timedAll`): enough
 * for a long word, short enough that a pause after it is not swallowed.
 */
export const estimatedWordMaxMs = 1500

/** True when a word has a start but its duration is null or missing (its end is estimated). */
export function durationMissing(w: ApiWord): boolean {
  return isTimed(w) && (w.durationInSeconds === null || w.durationInSeconds === undefined)
}

/** A timed word's measured [start, end] in ms (a null or negative duration is zero), inside [0, limitMs]. */
export function measuredMs(w: ApiWord & { offsetInSeconds: number }, limitMs: number = maxTimeMs): { startMs: number; endMs: number } {
  const startMs = clampTimeMs(secondsToMs(w.offsetInSeconds), limitMs)
  const dur = w.durationInSeconds ?? 0
  return { startMs, endMs: Math.max(startMs, clampTimeMs(secondsToMs(w.offsetInSeconds + (dur > 0 ? dur : 0)), limitMs)) }
}

/** The first timed entry at or after `from` (`index` = dw.length if none) and where it starts (else `segEndMs`). */
function nextTimed(dw: readonly ApiWord[], from: number, segEndMs: number, limitMs: number): { index: number; startMs: number } {
  let index = from
  while (index < dw.length && !isTimed(dw[index])) index++
  const next = dw[index]
  return { index, startMs: next !== undefined && isTimed(next) ? measuredMs(next, limitMs).startMs : segEndMs }
}

/**
 * Every entry with a time: measured ones as given; a run of entries without an offset spread
 * (like typed words) between the timed entry before it (or the segment start) and the one after
 * it (or the segment end), and marked estimated. `keyed`: each entry's `wordKey` too (only the
 * alignment reads it; a segment whose text is its words needs none: two strings a word less).
 */
function timedAll(dw: readonly ApiWord[], segStartMs: number, segEndMs: number, limitMs: number, keyed: boolean): Timed[] {
  const out: Timed[] = new Array(dw.length)
  const keyOf = (w: ApiWord): string => (keyed ? wordKey(w.text ?? '') : '')
  let k = 0
  while (k < dw.length) {
    const w = dw[k]
    if (isTimed(w)) {
      const t = measuredMs(w, limitMs)
      let estimated = false
      if (durationMissing(w)) {
        // No duration: it lasts until the next word starts (or the segment ends), at most
        // estimatedWordMaxMs. Words without an offset right after it share that room with it.
        const next = nextTimed(dw, k + 1, segEndMs, limitMs)
        const room = Math.floor((next.startMs - t.startMs) / (next.index - k))
        t.endMs = t.startMs + Math.max(0, Math.min(estimatedWordMaxMs, room))
        estimated = true
      }
      // Fields named, not spread: the measured pair then never needs an object of its own.
      out[k] = { source: w, key: keyOf(w), startMs: t.startMs, endMs: t.endMs, estimated }
      k++
      continue
    }
    const next = nextTimed(dw, k, segEndMs, limitMs)
    const lo = k > 0 ? out[k - 1].endMs : segStartMs
    const hi = Math.max(lo, next.startMs)
    const times = interpolateTimes(dw.slice(k, next.index).map((x) => x.text ?? ''), lo, hi)
    for (let j = k; j < next.index; j++) out[j] = { source: dw[j], key: keyOf(dw[j]), ...times[j - k], estimated: true }
    k = next.index
  }
  return out
}

/** Whitespace as `tokenize` splits on it (`\S+` runs). */
const whitespace = /\s/

/**
 * True when `text` is exactly the entries' texts joined by single spaces, each non-empty and
 * without whitespace: then its tokens are those texts, one per entry (the common case, checked
 * without tokenizing: no token objects or strings for a million words).
 */
function isWordsJoined(text: string, dw: readonly ApiWord[]): boolean {
  if (dw.length === 0) return false
  let at = 0
  for (let k = 0; k < dw.length; k++) {
    const word = dw[k].text
    if (typeof word !== 'string' || word === '') return false
    if (k > 0 && text.charCodeAt(at++) !== 32) return false
    if (!text.startsWith(word, at) || whitespace.test(word)) return false
    at += word.length
  }
  return at === text.length
}

/** The model word `k` of a segment: `text`, timed as the entry `t` it aligned with. */
function timedWord(idPrefix: string, k: number, text: string, t: Timed, scale: 1 | 100): Word {
  return { id: `${idPrefix}${k}`, text, startMs: t.startMs, endMs: t.endMs, confidence: confidenceToUnit(t.source.confidence, scale), estimated: t.estimated, source: t.source }
}

/** Result of tying one segment's text to its timed words. */
export interface Reconciled {
  words: Word[]
  mismatch: boolean
}

/** What `reconcileWords` ties together, and how to name and bound the result. */
export interface ReconcileInput {
  /** The reviewed text; absent or empty beside reviewed words, the words' own texts. */
  readonly displayText: string | null | undefined
  /** The entries that lend their timings. */
  readonly displayWords: readonly ApiWord[] | null | undefined
  readonly segStartMs: number
  readonly segEndMs: number
  /** Confidence scale of the export (see units.ts). */
  readonly scale: 1 | 100
  /** Word ids are `${idPrefix}${index}`. */
  readonly idPrefix: string
  /**
   * The words that may stand in for a missing displayText: the reviewed displayWords, never the
   * recogniser's originalWords (which only lend their timings as `displayWords`); default `displayWords`.
   */
  readonly textWords?: readonly ApiWord[] | null
  /** Times are clamped into [0, limitMs]; default `maxTimeMs`. */
  readonly limitMs?: number
}

/** Builds the model words of one segment from its text and its timed words (see the file comment). */
export function reconcileWords(input: ReconcileInput): Reconciled {
  const { displayText, segStartMs, segEndMs, scale, idPrefix } = input
  const limitMs = input.limitMs ?? maxTimeMs
  const dw = input.displayWords ?? []
  const tw = (input.textWords === undefined ? input.displayWords : input.textWords) ?? []
  // An empty displayText beside reviewed words is read like a missing one (the words are the text):
  // the export format (docs/api.md#the-transcript-export) says displayWords are "words of displayText", so the two cannot both be right,
  // and dropping timed words would lose speech while keeping them only risks a word to delete.
  // Both empty is a reviewer's deletion: the segment has no text, whatever the recogniser heard.
  const text = displayText !== null && displayText !== undefined && (displayText.trim() !== '' || tw.length === 0) ? displayText : tw.map((w) => w.text ?? '').join(' ')
  // Fast path, by far the most common: the text is exactly the words joined by spaces.
  if (isWordsJoined(text, dw)) {
    const all = timedAll(dw, segStartMs, segEndMs, limitMs, false)
    return { words: all.map((t, k) => timedWord(idPrefix, k, dw[k].text as string, t, scale)), mismatch: false }
  }
  const tokens = tokenize(text)
  // No reviewed text: nothing to time (the timing words are not text of their own).
  if (tokens.length === 0) return { words: [], mismatch: false }

  const all = timedAll(dw, segStartMs, segEndMs, limitMs, true)
  // The same, with other whitespace between the words.
  if (tokens.length === dw.length) {
    let same = true
    for (let k = 0; k < dw.length; k++) {
      if (tokens[k].text !== dw[k].text) {
        same = false
        break
      }
    }
    if (same) return { words: all.map((t, k) => timedWord(idPrefix, k, tokens[k].text, t, scale)), mismatch: false }
  }

  // Punctuation-only and empty words cannot anchor a token; they are dropped (the text has them attached or not at all).
  const anchors = all.filter((t) => t.key !== '')
  const tokenKeys = tokens.map((t) => wordKey(t.text))
  // Punctuation-only tokens ("–", "…") can match nothing: aligning only the others keeps a long
  // segment's common prefix/suffix unbroken, so its middle stays small enough to align exactly.
  const keyed = tokenKeys.flatMap((k, i) => (k === '' ? [] : [i]))
  const pairs = alignSequences(keyed, anchors, (i, a) => tokenKeys[i] === a.key).map((p) => ({ i: keyed[p.i], j: p.j }))

  const words: Word[] = new Array(tokens.length)
  const matchedAnchor = new Array<number>(tokens.length).fill(-1)
  for (const p of pairs) matchedAnchor[p.i] = p.j

  // Walk gaps between matched tokens; each gap pairs unmatched tokens with the unmatched anchors between the same matches.
  let prevToken = -1
  let prevAnchor = -1
  // Only a real disagreement counts: punctuation timed apart or attached differently does not.
  let mismatch = pairs.length !== anchors.length
  const fillGap = (tokenFrom: number, tokenTo: number, anchorFrom: number, anchorTo: number) => {
    const count = tokenTo - tokenFrom
    if (count <= 0) return
    const gapAnchors = anchors.slice(anchorFrom, anchorTo)
    if (gapAnchors.length === count) {
      // Same number of words on both sides: a reviewer's substitution; keep the measured times.
      mismatch = true
      for (let k = 0; k < count; k++) words[tokenFrom + k] = timedWord(idPrefix, tokenFrom + k, tokens[tokenFrom + k].text, gapAnchors[k], scale)
      return
    }
    let spanStart: number
    let spanEnd: number
    if (gapAnchors.length > 0) {
      spanStart = Math.min(...gapAnchors.map((a) => a.startMs))
      spanEnd = Math.max(...gapAnchors.map((a) => a.endMs))
    } else {
      spanStart = anchorFrom > 0 ? anchors[anchorFrom - 1].endMs : segStartMs
      spanEnd = anchorTo < anchors.length ? anchors[anchorTo].startMs : segEndMs
      if (spanEnd < spanStart) spanStart = spanEnd
      // Detached punctuation ("it ?") is not spoken: it sits at the end of the word before.
      if (anchorFrom > 0 && tokenKeys.slice(tokenFrom, tokenTo).every((k) => k === '')) spanEnd = spanStart
    }
    mismatch = true
    const times = interpolateTimes(tokens.slice(tokenFrom, tokenTo).map((t) => t.text), spanStart, spanEnd)
    for (let k = 0; k < count; k++) {
      words[tokenFrom + k] = { id: `${idPrefix}${tokenFrom + k}`, text: tokens[tokenFrom + k].text, startMs: times[k].startMs, endMs: times[k].endMs, confidence: null, estimated: true }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const j = matchedAnchor[i]
    if (j < 0) continue
    fillGap(prevToken + 1, i, prevAnchor + 1, j)
    words[i] = timedWord(idPrefix, i, tokens[i].text, anchors[j], scale)
    prevToken = i
    prevAnchor = j
  }
  fillGap(prevToken + 1, tokens.length, prevAnchor + 1, anchors.length)
  return { words, mismatch }
}
