import type { Cue, QcBreach, QcReport, QcSeverity, SubtitlePreset } from '../../../shared/subtitles'
import { charCount, runQc } from '../../../shared/subtitles'
import { cleanText } from '../../../shared/subtitles/text'
import type { Segment, TranscriptModel } from '../../../shared/transcript'

/*
 * What the live cue view shows of each cue: its times, characters per line, reading speed in the
 * preset's unit, duration, worst QC severity and the transcript words it holds (so a decision can
 * be anchored to them). Pure, so the component, the tests and the bench share it.
 */

/** One word of a cue, as the view shows and anchors it. */
export interface CueWord {
  readonly id: string
  readonly text: string
  readonly segmentId: string
  readonly wordIndex: number
}

/** One row of the cue view. */
export interface CueRow {
  readonly index: number
  readonly cue: Cue
  readonly lineChars: readonly number[]
  /** Reading speed in `speedUnit`, one decimal. */
  readonly speed: number
  readonly durationMs: number
  /** The worst QC breach of the cue, or null when it passes every rule. */
  readonly severity: QcSeverity | null
  readonly rules: readonly string[]
  readonly words: readonly CueWord[]
}

/** The reading-speed unit a preset judges by: words a minute when it sets that limit, else characters a second. */
export function speedUnit(preset: SubtitlePreset): 'wpm' | 'cps' {
  return preset.maxWordsPerMinute !== null ? 'wpm' : 'cps'
}

/** Reading speed of `text` shown for `durationMs` under the preset's unit (0 when no time). */
export function readingSpeed(lines: readonly string[], durationMs: number, preset: SubtitlePreset): number {
  if (durationMs <= 0) return 0
  if (speedUnit(preset) === 'wpm') {
    // Counted as QC counts words (qc.ts): runs with a letter or digit.
    const words = lines.join(' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
    return Math.round((words * 600_000) / durationMs) / 10
  }
  const chars = lines.reduce((sum, l) => sum + charCount(l), 0)
  return Math.round((chars * 10_000) / durationMs) / 10
}

/** The limit a reading speed is judged against under the preset. */
export function speedLimit(preset: SubtitlePreset): number {
  return preset.maxWordsPerMinute ?? preset.maxCharsPerSecond
}

// The segment view's badges, kept per segment object and preset: an edit re-renders the rows on
// screen, and only the segments it replaced are measured again.
const speedOfSegment = new WeakMap<Segment, { preset: SubtitlePreset; speed: number | null }>()

/** A segment's reading speed as spoken (its words over its span), for the segment view's badge. */
export function segmentSpeed(segment: Segment, preset: SubtitlePreset): number | null {
  const known = speedOfSegment.get(segment)
  if (known?.preset === preset) return known.speed
  const speed = measureSegmentSpeed(segment, preset)
  speedOfSegment.set(segment, { preset, speed })
  return speed
}

function measureSegmentSpeed(segment: Segment, preset: SubtitlePreset): number | null {
  const words = segment.words.filter((w) => cleanText(w.text))
  if (words.length === 0) return null
  const span = Math.max(...words.map((w) => w.endMs)) - words[0].startMs
  return readingSpeed([words.map((w) => cleanText(w.text)).join(' ')], Math.max(span, 1), preset)
}

// A segment's words as the cue view holds them, kept per segment object: edits replace the
// segments they touch, so an untouched segment's words are the same objects edit after edit.
const wordsOfSegment = new WeakMap<Segment, readonly CueWord[]>()

/** The words of `segment` the cutter keeps (those with text), as cue words; the same array while the segment is unchanged. */
export function segmentCueWords(segment: Segment): readonly CueWord[] {
  let words = wordsOfSegment.get(segment)
  if (!words) {
    const out: CueWord[] = []
    segment.words.forEach((w, i) => cleanText(w.text) && out.push({ id: w.id, text: w.text, segmentId: segment.id, wordIndex: i }))
    words = out
    wordsOfSegment.set(segment, words)
  }
  return words
}

/** One row: cue `cue` at `index`, holding `words`, judged by its own QC breaches (`breaches`, all of cue `index`). */
export function cueRow(index: number, cue: Cue, words: readonly CueWord[], preset: SubtitlePreset, breaches: readonly QcBreach[]): CueRow {
  let severity: QcSeverity | null = null
  for (const b of breaches) if (severity !== 'hard') severity = b.severity
  const durationMs = cue.endMs - cue.startMs
  return {
    index,
    cue,
    lineChars: cue.lines.map(charCount),
    speed: readingSpeed(cue.lines, durationMs, preset),
    durationMs,
    severity,
    rules: breaches.map((b) => b.rule),
    words
  }
}

/** The cue view's rows for `cues` (cut from `model` under `preset`) and their QC report. */
export function cueRows(model: TranscriptModel, cues: readonly Cue[], preset: SubtitlePreset, report: QcReport = runQc(cues, preset)): CueRow[] {
  // The cutter keeps every word with text once, in order (segment.ts tokenise): walk them alongside.
  const words: CueWord[] = []
  for (const s of model.segments) for (const w of segmentCueWords(s)) words.push(w)
  const byCue = new Map<number, QcBreach[]>()
  for (const b of report.breaches) {
    const list = byCue.get(b.cueIndex)
    if (list) list.push(b)
    else byCue.set(b.cueIndex, [b])
  }
  let at = 0
  return cues.map((cue, index) => {
    const held = words.slice(at, at + cue.wordCount)
    at += cue.wordCount
    return cueRow(index, cue, held, preset, byCue.get(index) ?? [])
  })
}

/** The index of the cue holding word `wordId`, or -1. */
export function cueOfWord(rows: readonly CueRow[], wordId: string): number {
  for (const r of rows) if (r.words.some((w) => w.id === wordId)) return r.index
  return -1
}

/** The next (dir 1) or previous (dir -1) cue with a QC breach after/before `from`, wrapping; -1 when none. */
export function nextBreachCue(rows: readonly CueRow[], from: number, dir: 1 | -1): number {
  const n = rows.length
  for (let k = 1; k <= n; k++) {
    const i = (((from + dir * k) % n) + n) % n
    if (rows[i].severity) return i
  }
  return -1
}

/** One line of a cue as the view lays it out: any prefix (dialogue dash, speaker label), then its words. */
export interface CueLine {
  readonly prefix: string
  readonly words: readonly { readonly word: CueWord; readonly k: number }[]
  readonly chars: number
}

/** The cue's lines with the words each holds, found in order in the line text. */
export function cueLines(row: CueRow): CueLine[] {
  const out = row.cue.lines.map((line, i) => ({ line, prefix: '', words: [] as { word: CueWord; k: number }[], chars: row.lineChars[i], pos: 0 }))
  let li = 0
  row.words.forEach((word, k) => {
    const text = cleanText(word.text)
    let at = out[li]?.line.indexOf(text, out[li].pos) ?? -1
    if (at < 0 && li + 1 < out.length) {
      const next = out[li + 1].line.indexOf(text)
      if (next >= 0) {
        li++
        at = next
      }
    }
    const line = out[Math.min(li, out.length - 1)]
    if (!line) return
    if (line.words.length === 0 && at > 0) line.prefix = line.line.slice(0, at)
    line.words.push({ word, k })
    if (at >= 0) line.pos = at + text.length
  })
  return out.map(({ prefix, words, chars }) => ({ prefix, words, chars }))
}
