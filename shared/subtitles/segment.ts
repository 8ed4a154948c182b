import type { Annotation, Segment, TranscriptModel } from '../transcript/model'
import type { Language } from './line-break'
import { breakIntoLines } from './line-break'
import type { SubtitlePreset } from './presets'
import type { Cue, SubtitleNote, SubtitleTrack } from './types'
import { speakerNamesOf } from './writers/speakers'
import { charCount, cleanText } from './text'
import type { CutConstraints } from './decisions'
import { cutConstraints } from './decisions'
import type { DraftCue } from './timing'
import { time } from './timing'
import { notice, type Notice } from '../i18n/notices'
import type { Plan, PlanToken } from './planner'
import { planContext, qcWords } from './planner'
import { planAll } from './plan-whole'

export { readingTimeMs } from './timing'

/*
 * Segmentation: cues cut from the word timeline (each word's own start and end).
 *
 * The cut points for the whole transcript are chosen together by dynamic programming over word
 * boundaries: best[i] = min over j of best[j] + cost(cue of words j..i-1) + cost(cut before i).
 * A cue's cost weighs its line layout (break quality, bottom-heavy shape), the reading speed and
 * duration it can get from the silence around it, pauses it would straddle, and the cut's place
 * in the sentence. Candidate cues are bounded by what fits on the lines, so the DP is linear in
 * the number of words (about 20 candidates per word).
 *
 * Timing then works in whole frames: in at the first word (or up to the preset's lead-in earlier
 * when reading time needs it), out at the last word, extended into silence for the minimum
 * duration and reading speed, gaps under the closing threshold chained to the minimum gap, never
 * an overlap, never zero length; the programme start offset is added last.
 */

/** What to do with annotations: cues of their own (`[laughter]`), WebVTT NOTEs, or nothing. */
export type AnnotationMode = 'cues' | 'notes' | 'omit'

/** Every annotation mode. */
export const annotationModes: readonly AnnotationMode[] = ['cues', 'notes', 'omit']

/** Options beyond the preset. */
export interface SegmentOptions {
  /** Word lists used for break quality; default English. */
  readonly language?: Language
  /** Default `omit`. */
  readonly annotations?: AnnotationMode
}

/** A planner token with the word it came from. */
export interface Token extends PlanToken {
  /** The transcript word's id (what cue decisions anchor to); null for annotations. */
  readonly wordId: string | null
}

/** The word timeline, speaker by speaker, with annotations as tokens when they become cues. */
function tokenise(model: TranscriptModel, mode: AnnotationMode): Token[] {
  const tokens: Token[] = []
  model.segments.forEach((segment, paragraph) => pushWordTokens(tokens, segment, paragraph))
  return mode === 'cues' ? withAnnotations(tokens, model, annotationToken) : tokens
}

/** Appends the tokens of one segment's words; `paragraph` tells segments apart (any number ≥ 0 unique to it). */
export function pushWordTokens(tokens: Token[], segment: Segment, paragraph: number): void {
  for (const word of segment.words) {
    const text = cleanText(word.text)
    if (!text) continue
    tokens.push({ text, len: charCount(text), startMs: word.startMs, endMs: Math.max(word.endMs, word.startMs), speakerId: segment.speakerId, annotation: false, paragraph, wordId: word.id, words: qcWords(text) })
  }
}

/** The word tokens with each annotation's token placed in time order (annotations as cues). */
export function withAnnotations(tokens: readonly Token[], model: TranscriptModel, tokenOf: (a: Annotation) => Token): Token[] {
  const annotations = [...model.annotations].filter((a) => cleanText(a.content)).sort((a, b) => a.startMs - b.startMs)
  const out: Token[] = []
  let a = 0
  for (const token of tokens) {
    while (a < annotations.length && annotations[a].startMs < token.startMs) out.push(tokenOf(annotations[a++]))
    out.push(token)
  }
  while (a < annotations.length) out.push(tokenOf(annotations[a++]))
  return out
}

/** The token an annotation becomes when annotations are cues. */
export function annotationToken(annotation: { content: string; startMs: number; endMs: number }): Token {
  const content = cleanText(annotation.content)
  const text = /^\[.*\]$/.test(content) ? content : `[${content}]`
  return { text, len: charCount(text), startMs: annotation.startMs, endMs: Math.max(annotation.endMs, annotation.startMs), speakerId: null, annotation: true, paragraph: -1, wordId: null, words: qcWords(text) }
}

/** The annotations kept as WebVTT NOTEs, offset like the cues. */
function notesOf(model: TranscriptModel, preset: SubtitlePreset): SubtitleNote[] {
  return [...model.annotations]
    .filter((a) => cleanText(a.content))
    .sort((a, b) => a.startMs - b.startMs)
    .map((a) => ({ startMs: a.startMs + preset.startOffsetMs, text: cleanText(a.content) }))
}

/**
 * Speaker labels ("Ana: ") where the preset asks for them: on the first word of each speaker's
 * turn, in `new-cue` style only, where a cue always starts (a speaker change forces a cut).
 */
export function labelsOf(tokens: readonly Token[], model: TranscriptModel, preset: SubtitlePreset, before?: string | null): (string | null)[] {
  const labels: (string | null)[] = new Array(tokens.length).fill(null)
  if (!preset.speakerLabels || preset.speakerStyle !== 'new-cue') return labels
  const names = speakerNamesOf(model)
  let previous: string | null | undefined = before
  tokens.forEach((t, k) => {
    if (t.annotation) return
    if (t.speakerId !== previous) {
      const name = names(t.speakerId)
      labels[k] = name ? `${name}: ` : null
    }
    previous = t.speakerId
  })
  return labels
}

/**
 * Lines for words that no layout can hold because one of them is longer than a line (a URL, a
 * long compound): each such word stands whole on a line of its own, the others fill lines
 * greedily around it. Nothing is cut inside a word or dropped; lines past `maxLines` join the last
 * one. The over-long line is left for QC to report as a characters-per-line breach: a word cut
 * at an arbitrary letter would read as two words, and hiding the problem helps no one.
 */
function packLines(words: readonly string[], maxChars: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  let width = 0
  for (const word of words) {
    const len = charCount(word)
    if (line && width + 1 + len <= maxChars) {
      line += ' ' + word
      width += 1 + len
      continue
    }
    if (line) lines.push(line)
    line = word
    width = len
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) lines.splice(maxLines - 1, lines.length, lines.slice(maxLines - 1).join(' '))
  return lines
}

/** The drafted cue (lines, speakers, speech span, the reviewer's time decisions) of plan `p`. */
export function draft(tokens: readonly Token[], p: Plan, preset: SubtitlePreset, label: string | null, decided: CutConstraints): DraftCue {
  const bounds = [p.from, ...p.starts, p.to]
  const words = (a: number, b: number): string => tokens.slice(a, b).map((t) => t.text).join(' ')
  let lines: string[]
  if (tokens[p.from].annotation) lines = linesFor(tokens[p.from].text, preset)
  else if (p.dialogue) lines = bounds.slice(1).map((end, k) => preset.dialogueDash + words(bounds[k], end))
  else lines = bounds.slice(1).map((end, k) => words(bounds[k], end))
  if (label && !p.dialogue && !tokens[p.from].annotation) lines[0] = label + lines[0]
  const lineSpeakers = bounds.slice(1, lines.length + 1).map((_, k) => tokens[bounds[k]].speakerId)
  while (lineSpeakers.length < lines.length) lineSpeakers.push(lineSpeakers[lineSpeakers.length - 1] ?? null)
  const annotation = tokens[p.from].annotation
  let speechEndMs = tokens[p.from].endMs
  for (let k = p.from; k < p.to; k++) speechEndMs = Math.max(speechEndMs, tokens[k].endMs)
  return {
    lines,
    lineSpeakers,
    kind: annotation ? 'annotation' : 'speech',
    speechStartMs: tokens[p.from].startMs,
    speechEndMs,
    wordCount: annotation ? 0 : p.to - p.from,
    chars: lines.reduce((sum, l) => sum + charCount(l), 0),
    words: annotation ? 0 : qcWords(lines.join(' ')),
    nudgeInMs: decided.nudgeIn[p.from],
    nudgeOutMs: decided.nudgeOut[p.to - 1],
    lock: decided.locks.get(p.from)?.to === p.to ? (decided.locks.get(p.from) ?? null) : null
  }
}

/** Cuts the transcript into timed cues under `preset`; annotations as the options say. */
export function segmentCues(model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}): SubtitleTrack {
  const mode = options.annotations ?? 'omit'
  const { cues, notices } = cutWords(model, preset, options)
  return { cues, notes: mode === 'notes' ? notesOf(model, preset) : [], ...(notices.length ? { decisionNotices: notices } : {}) }
}

/** Where a cut stops: the speaker before it (for labels) and the first word after it (bounds the last cue). */
export interface CutBounds {
  readonly previousSpeaker?: string | null
  readonly followingStartMs?: number
}

/**
 * The cues of `model`'s words under the reviewer's cue decisions, and what was said about the
 * decisions (refused, clamped). `bounds` lets a passage be cut on its own (passage.ts).
 */
export function cutWords(model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}, bounds: CutBounds = {}): { cues: Cue[]; notices: Notice[] } {
  const tokens = tokenise(model, options.annotations ?? 'omit')
  const labels = labelsOf(tokens, model, preset, bounds.previousSpeaker)
  const language = options.language ?? 'en'
  let decided = cutConstraints(tokens, model.cueDecisions, preset)
  const planned = (): Plan[] => planAll(planContext(tokens, preset, language, labels, charCount, decided, bounds.followingStartMs)).plans
  let plans: Plan[]
  try {
    plans = planned()
  } catch {
    // Decisions that together leave no cut at all (unreachable when each was checked alone):
    // cut without them rather than fail the export.
    const notices = [...decided.notices, notice('cut.no-way')]
    decided = cutConstraints(tokens, [], preset)
    decided.notices.push(...notices)
    plans = planned()
  }
  const drafts = plans.map((p) => draft(tokens, p, preset, labels[p.from], decided))
  const notices = decided.notices
  return { cues: time(drafts, preset, notices, bounds.followingStartMs), notices }
}

/** Lays out free text (e.g. an annotation) as cue lines under the preset, best breaks first. */
export function linesFor(text: string, preset: SubtitlePreset, language: Language = 'en'): string[] {
  const words = cleanText(text).split(' ').filter(Boolean)
  return breakIntoLines(words, preset.maxCharsPerLine, preset.maxLines, language) ?? packLines(words, preset.maxCharsPerLine, preset.maxLines)
}
