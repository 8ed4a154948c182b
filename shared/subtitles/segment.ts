import type { TranscriptModel } from '../transcript/model'
import type { Language } from './line-break'
import { breakCost, breakIntoLines, isSentenceEnd, layoutLines, layoutTwoLines, twoLineSplit } from './line-break'
import type { SubtitlePreset } from './presets'
import { frameFraction } from './presets'
import type { Cue, SubtitleNote, SubtitleTrack } from './types'
import { speakerNamesOf } from './writers/speakers'
import { charCount, cleanText } from './text'
import type { CutConstraints } from './decisions'
import { cutConstraints } from './decisions'
import type { DraftCue } from './timing'
import { readingTimeMs, time } from './timing'
import { notice, type Notice } from '../i18n/notices'

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

interface Token {
  readonly text: string
  readonly len: number
  readonly startMs: number
  readonly endMs: number
  readonly speakerId: string | null
  readonly annotation: boolean
  /** Index of the transcript segment (paragraph) the word belongs to; -1 for annotations. */
  readonly paragraph: number
  /** The transcript word's id (what cue decisions anchor to); null for annotations. */
  readonly wordId: string | null
}

// Cost weights. Relative sizes matter: a soft-limit breach should outweigh a poor line break,
// and a hard "never split here" pair should outweigh almost anything but a breach.
const costPerCue = 8
const cutWeight = 1.5
const midSentenceCut = 6
const dialogueCueCost = 4
const dialoguePartCut = 12
const readingSpeedBreach = 25
const maxDurationBreach = 60
// A cue that cannot get its reading time, minimum duration or maximum duration under the plan's
// own timing: worse than any line break, so the plan meets soft rules wherever a cut can.
const softBreach = 300
const longPauseInside = 1200

/** The word timeline, speaker by speaker, with annotations as tokens when they become cues. */
function tokenise(model: TranscriptModel, mode: AnnotationMode): Token[] {
  const tokens: Token[] = []
  model.segments.forEach((segment, paragraph) => {
    for (const word of segment.words) {
      const text = cleanText(word.text)
      if (!text) continue
      tokens.push({ text, len: charCount(text), startMs: word.startMs, endMs: Math.max(word.endMs, word.startMs), speakerId: segment.speakerId, annotation: false, paragraph, wordId: word.id })
    }
  })
  if (mode !== 'cues') return tokens
  const annotations = [...model.annotations].filter((a) => cleanText(a.content)).sort((a, b) => a.startMs - b.startMs)
  const out: Token[] = []
  let a = 0
  for (const token of tokens) {
    while (a < annotations.length && annotations[a].startMs < token.startMs) out.push(annotationToken(annotations[a++]))
    out.push(token)
  }
  while (a < annotations.length) out.push(annotationToken(annotations[a++]))
  return out
}

function annotationToken(annotation: { content: string; startMs: number; endMs: number }): Token {
  const content = cleanText(annotation.content)
  const text = /^\[.*\]$/.test(content) ? content : `[${content}]`
  return { text, len: charCount(text), startMs: annotation.startMs, endMs: Math.max(annotation.endMs, annotation.startMs), speakerId: null, annotation: true, paragraph: -1, wordId: null }
}

/** The annotations kept as WebVTT NOTEs, offset like the cues. */
function notesOf(model: TranscriptModel, preset: SubtitlePreset): SubtitleNote[] {
  return [...model.annotations]
    .filter((a) => cleanText(a.content))
    .sort((a, b) => a.startMs - b.startMs)
    .map((a) => ({ startMs: a.startMs + preset.startOffsetMs, text: cleanText(a.content) }))
}

interface Plan {
  readonly from: number
  readonly to: number
  /** Word offsets where lines 2..n start; for a dialogue cue, the speaker change. */
  readonly starts: readonly number[]
  readonly dialogue: boolean
}


/**
 * Speaker labels ("Ana: ") where the preset asks for them: on the first word of each speaker's
 * turn, in `new-cue` style only, where a cue always starts (a speaker change forces a cut).
 */
function labelsOf(tokens: readonly Token[], model: TranscriptModel, preset: SubtitlePreset, before?: string | null): (string | null)[] {
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

/** The cheapest cut of the token stream into cues (the DP); `labels` widen a cue's first line. */
function plan(tokens: readonly Token[], preset: SubtitlePreset, language: Language, labels: readonly (string | null)[], decided: CutConstraints, followingStartMs = Infinity): Plan[] {
  const n = tokens.length
  const prefix = new Float64Array(n + 1)
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k] + tokens[k].len
  const labelLen = labels.map((l) => (l ? charCount(l) : 0))
  // Cost of a line break before token k, and of a cue cut before token k.
  const lineCost = new Float64Array(n + 1)
  const cutCost = new Float64Array(n + 1)
  // forced[k]: a cue must end before token k (speaker change in new-cue style, annotations).
  const forced = new Uint8Array(n + 1)
  const speakerChange = new Uint8Array(n + 1)
  for (let k = 1; k < n; k++) {
    const prev = tokens[k - 1]
    const next = tokens[k]
    lineCost[k] = breakCost(prev.text, next.text, language)
    speakerChange[k] = prev.speakerId !== next.speakerId && !prev.annotation && !next.annotation ? 1 : 0
    forced[k] = prev.annotation || next.annotation || (speakerChange[k] === 1 && preset.speakerStyle === 'new-cue') || decided.forced[k] ? 1 : 0
    let cut = lineCost[k] * cutWeight + (isSentenceEnd(prev.text) ? 0 : midSentenceCut)
    const pause = next.startMs - prev.endMs
    // A pause is where a viewer expects the picture to change.
    if (pause >= 1000) cut *= 0.3
    else if (pause >= 300) cut *= 0.7
    // So is a paragraph break the reviewer or the recogniser made.
    if (prev.paragraph !== next.paragraph) cut *= 0.5
    cutCost[k] = speakerChange[k] ? 0 : cut
  }
  const maxWidth = preset.maxCharsPerLine * preset.maxLines + preset.maxLines

  const best = new Float64Array(n + 1).fill(Infinity)
  // The chosen cue ending before token i: its first token, its line break (-1: none, -2: ask
  // layoutLines again, for three or more lines) and whether it is a dialogue cue.
  const bestFrom = new Int32Array(n + 1).fill(-1)
  const bestSplit = new Int32Array(n + 1).fill(-1)
  const bestDialogue = new Uint8Array(n + 1)
  // The frame the chosen cue ending before token i goes out on, as time() will place it: the
  // next cue's earliest start follows from it, so reading time and minimum duration are priced
  // with the room the cut really leaves (lead-in included), not an estimate.
  // time() gives each cue: a nominal start (its first word's frame, after the previous nominal
  // start and gap), an actual start (earlier by the lead-in when it needs reading time, never
  // into the previous cue's need) and a need; the plan follows the same arithmetic.
  const bestNominal = new Float64Array(n + 1).fill(-Infinity)
  const bestStart = new Float64Array(n + 1).fill(-Infinity)
  const bestNeed = new Float64Array(n + 1)
  const { num, den } = frameFraction(preset.frameRate)
  const frameOf = (ms: number): number => Math.round((ms * den) / num)
  const frameCeil = (ms: number): number => Math.ceil((ms * den) / num - 1e-9)
  const gapF = preset.minGapFrames
  const maxDurF = Math.floor((preset.maxDurationMs * den) / num)
  const minDurF = frameCeil(preset.minDurationMs)
  const leadInF = Math.floor((preset.maxLeadInMs * den) / num)
  const dash = charCount(preset.dialogueDash)
  best[0] = 0
  for (let i = 1; i <= n; i++) {
    // Inside a range the reviewer kept together no cue may end (best[i] stays out of reach).
    if (i < n && decided.together[i]) continue
    const endMs = tokens[i - 1].endMs
    const cut = i < n ? cutCost[i] : 0
    // The next cue's first word bounds this cue's out time; its lead-in may clip our last word.
    const limit = frameOf(i < n ? tokens[i].startMs : followingStartMs) - gapF
    let changes = 0
    let changeAt = -1
    let maxPause = 0
    let lastEnd = endMs
    for (let j = i - 1; j >= 0; j--) {
      lastEnd = Math.max(lastEnd, tokens[j].endMs)
      if (j < i - 1) {
        // Extending the candidate leftwards over boundary j+1.
        if (forced[j + 1]) break
        if (speakerChange[j + 1]) {
          changes++
          changeAt = j + 1
          if (changes > 1) break
        }
        const pause = tokens[j + 1].startMs - tokens[j].endMs
        if (pause > maxPause) maxPause = pause
      }
      const w = prefix[i] - prefix[j] + (i - j - 1)
      if (w > maxWidth && j < i - 1) break
      if (best[j] === Infinity) continue
      const single = j === i - 1
      const extra = labelLen[j]
      let layoutCost: number
      let split = -1
      let dialogue = 0
      if (changes === 1) {
        if (preset.maxLines < 2) break
        if (prefix[changeAt] - prefix[j] + (changeAt - j - 1) + dash > preset.maxCharsPerLine || prefix[i] - prefix[changeAt] + (i - changeAt - 1) + dash > preset.maxCharsPerLine) continue
        // Dashes suit a short exchange of whole turns; a stray word of another speaker
        // (diarisation noise) or a sentence cut in two reads badly as a dialogue.
        const wholeFirst = j === 0 || speakerChange[j] === 1 || isSentenceEnd(tokens[j - 1].text)
        const wholeSecond = i === n || speakerChange[i] === 1 || isSentenceEnd(tokens[i - 1].text)
        layoutCost = dialogueCueCost + (wholeFirst ? 0 : dialoguePartCut) + (wholeSecond ? 0 : dialoguePartCut)
        split = changeAt
        dialogue = 1
      } else {
        if (preset.maxLines <= 2) {
          layoutCost = preset.maxLines === 2 ? layoutTwoLines(prefix, lineCost, j, i, preset.maxCharsPerLine, extra) : w + extra <= preset.maxCharsPerLine ? 0 : Infinity
          split = preset.maxLines === 2 ? twoLineSplit[0] : -1
        } else {
          const layout = layoutLines(prefix, lineCost, j, i, preset.maxCharsPerLine, preset.maxLines, extra)
          layoutCost = layout ? layout.cost : Infinity
          split = -2
        }
        if (layoutCost === Infinity) {
          if (!single) continue
          // A word longer than a line (a URL, a long compound) fits no layout: it becomes a cue
          // of its own, whole on one line, and QC reports the line (see packLines).
          layoutCost = 1000
          split = -1
        }
      }
      const startMs = tokens[j].startMs
      // A word that starts after the cue must go out (max duration) would never be seen with it;
      // one long word at the end (a recogniser artefact lasting seconds) is merely cut short.
      const speech = tokens[i - 1].startMs - startMs
      const chars = w + extra + (dialogue ? 2 * dash - 1 : 0)
      const needF = Math.max(minDurF, frameCeil(readingTimeMs(chars, i - j, preset)))
      // As time() will place it: in on its first word, out once read and spoken, within the
      // maximum and before the next cue; short of its need, in earlier by up to the lead-in.
      const nominal = Math.max(frameOf(startMs), bestNominal[j] + 1 + gapF)
      const e = Math.min(Math.max(frameOf(lastEnd), nominal + needF, nominal + 1), nominal + maxDurF, limit)
      let s = nominal
      if (e - s < needF && leadInF > 0 && s > 0) {
        const earliest = Math.max(s - leadInF, frameCeil(startMs - preset.maxLeadInMs), bestStart[j] + bestNeed[j] + gapF, 0)
        s = Math.max(earliest, Math.min(s, e - needF))
      }
      let cost = best[j] + costPerCue + layoutCost + cut
      if (e - s < needF) cost += softBreach + (readingSpeedBreach * (needF - Math.max(e - s, 0))) / needF
      if (speech > preset.maxDurationMs && !single) cost += maxDurationBreach * (1 + (speech - preset.maxDurationMs) / 1000)
      if (maxPause > longPauseInside) cost += (maxPause - longPauseInside) / 100
      if (cost < best[i]) {
        best[i] = cost
        bestNominal[i] = nominal
        bestStart[i] = s
        bestNeed[i] = needF
        bestFrom[i] = j
        bestSplit[i] = split
        bestDialogue[i] = dialogue
      }
    }
  }
  const plans: Plan[] = []
  for (let i = n; i > 0; ) {
    const from = bestFrom[i]
    if (from < 0) throw new Error(`segmentation found no cut at word ${i}`) // unreachable: a single word is always a candidate
    const split = bestSplit[i]
    const starts = split >= 0 ? [split] : split === -2 ? (layoutLines(prefix, lineCost, from, i, preset.maxCharsPerLine, preset.maxLines, labelLen[from])?.starts ?? []) : []
    plans.push({ from, to: i, starts, dialogue: bestDialogue[i] === 1 })
    i = from
  }
  return plans.reverse()
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


function draft(tokens: readonly Token[], p: Plan, preset: SubtitlePreset, label: string | null, decided: CutConstraints): DraftCue {
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
  let plans: Plan[]
  try {
    plans = plan(tokens, preset, language, labels, decided, bounds.followingStartMs)
  } catch {
    // Decisions that together leave no cut at all (unreachable when each was checked alone):
    // cut without them rather than fail the export.
    const notices = [...decided.notices, notice('cut.no-way')]
    decided = cutConstraints(tokens, [], preset)
    decided.notices.push(...notices)
    plans = plan(tokens, preset, language, labels, decided, bounds.followingStartMs)
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
