import type { Language } from './line-break'
import { breakCost, isSentenceEnd, layoutLines, layoutTwoLines, twoLineSplit } from './line-break'
import type { SubtitlePreset } from './presets'
import { frameFraction } from './presets'
import type { CutConstraints } from './decisions'
import { meetsSoftRules, passFrames, readingTimeMs } from './timing'
import { charCount } from './text'
import type { ArraySource } from './array-pool'
import { freshArrays } from './array-pool'
import { FrontBuilder, makeLabel, noFrame, noLabels } from './front-builder'

/*
 * The cue planner (docs/subtitles.md#how-the-segmenter-cuts): a dynamic programme over the
 * boundaries between tokens that chooses every cut of a transcript at once, minimising first the
 * number of cues that break a soft rule (reading speed, words per minute, minimum duration) as QC
 * will judge them under timing.ts's arithmetic, then the quality cost (line breaks, shape, cuts
 * mid-sentence, cue count).
 *
 * Whether a cue can meet its soft rules depends on the cue before it (how early it lets this one
 * come in), so one best path per boundary is not enough: each boundary keeps the Pareto front of
 * labels (breaches, cost, nominal start frame, earliest free frame), and a label is dropped only
 * when another is at least as good on all four. Costs are whole thousandths, so sums are exact
 * and a front shifted by a constant compares the same way (the re-cut's resynchronisation in
 * plan-resync.ts relies on it). States are clamped to what the next token can use, so fronts stay
 * small (one or two labels nearly everywhere).
 */

/** What the planner needs of a token. */
export interface PlanToken {
  readonly text: string
  readonly len: number
  readonly startMs: number
  readonly endMs: number
  readonly speakerId: string | null
  readonly annotation: boolean
  /** Identifies the transcript segment the token came from (a paragraph); -1 for annotations. */
  readonly paragraph: number
  /** How many words QC counts in it (space-separated parts with a letter or a digit). */
  readonly words: number
}

/** One planned cue: tokens [from, to), its line starts and whether it is a dialogue cue. */
export interface Plan {
  readonly from: number
  readonly to: number
  /** Word offsets where lines 2..n start; for a dialogue cue, the speaker change. */
  readonly starts: readonly number[]
  readonly dialogue: boolean
}

/** One way to reach a boundary: breaches and cost so far, the state the next cue sees, the way back. */
export interface Label {
  readonly b: number
  readonly c: number
  /** Nominal start frame of the last cue (timing.ts's first pass), clamped to what matters next. */
  readonly n: number
  /** The earliest frame the next cue may come in on (the last cue pulled early, its need and gap). */
  readonly f: number
  /** The cue's first token and the label it extends there. */
  readonly j: number
  readonly p: number
  /** Line break (-1: none, -2: three or more lines, ask layoutLines) or the dialogue's speaker change. */
  readonly split: number
  readonly dialogue: boolean
}

// Cost weights, in thousandths. Relative sizes matter; soft breaches are counted apart (first).
const costPerCue = 8000
const cutWeight = 1.5
const midSentenceCut = 6
const dialogueCueCost = 4000
const dialoguePartCut = 12000
const breachShortfall = 25000
const maxDurationBreach = 60
const longPauseInside = 1200
const overlongWord = 1_000_000

/** Per-token and per-boundary inputs of the planner, built once per cut. */
export interface PlanContext {
  readonly tokens: readonly PlanToken[]
  readonly preset: SubtitlePreset
  readonly decided: CutConstraints
  readonly followingStartMs: number
  readonly prefix: Float64Array
  readonly wordPrefix: Int32Array
  readonly labelLen: Int32Array
  readonly labelWords: Int32Array
  readonly lineCost: Float64Array
  readonly cutCost: Float64Array
  readonly forced: Uint8Array
  readonly speakerChange: Uint8Array
}

/** The cost of a line break and of a cue cut before token k (k in 1..n-1), for `planContext`. */
export function boundaryCosts(tokens: readonly PlanToken[], k: number, language: Language): { line: number; cut: number } {
  const prev = tokens[k - 1]
  const next = tokens[k]
  const line = breakCost(prev.text, next.text, language)
  let cut = line * cutWeight + (isSentenceEnd(prev.text) ? 0 : midSentenceCut)
  const pause = next.startMs - prev.endMs
  // A pause is where a viewer expects the picture to change.
  if (pause >= 1000) cut *= 0.3
  else if (pause >= 300) cut *= 0.7
  // So is a paragraph break the reviewer or the recogniser made.
  if (prev.paragraph !== next.paragraph) cut *= 0.5
  return { line, cut }
}

/** The planner's inputs; `lineCosts` may hand over line and cut costs already worked out (a re-cut). */
export function planContext(
  tokens: readonly PlanToken[],
  preset: SubtitlePreset,
  language: Language,
  labels: readonly (string | null)[],
  labelLength: (label: string) => number,
  decided: CutConstraints,
  followingStartMs = Infinity,
  costs?: { readonly line: Float64Array; readonly cut: Float64Array },
  arrays: ArraySource = freshArrays
): PlanContext {
  const n = tokens.length
  const prefix = arrays.f64(n + 1)
  const wordPrefix = arrays.i32(n + 1)
  for (let k = 0; k < n; k++) {
    prefix[k + 1] = prefix[k] + tokens[k].len
    wordPrefix[k + 1] = wordPrefix[k] + tokens[k].words
  }
  const labelLen = arrays.i32(n)
  const labelWords = arrays.i32(n)
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k]
    if (!l) continue
    labelLen[k] = labelLength(l)
    labelWords[k] = qcWords(l)
  }
  const lineCost = costs?.line ?? arrays.f64(n + 1)
  const cutCost = costs?.cut ?? arrays.f64(n + 1)
  const forced = arrays.u8(n + 1)
  const speakerChange = arrays.u8(n + 1)
  for (let k = 1; k < n; k++) {
    const prev = tokens[k - 1]
    const next = tokens[k]
    if (!costs) {
      const b = boundaryCosts(tokens, k, language)
      lineCost[k] = b.line
      cutCost[k] = b.cut
    }
    speakerChange[k] = prev.speakerId !== next.speakerId && !prev.annotation && !next.annotation ? 1 : 0
    forced[k] = prev.annotation || next.annotation || (speakerChange[k] === 1 && preset.speakerStyle === 'new-cue') || decided.forced[k] ? 1 : 0
  }
  return { tokens, preset, decided, followingStartMs, prefix, wordPrefix, labelLen, labelWords, lineCost, cutCost, forced, speakerChange }
}

/** The front of a boundary no cue may end at (shared: fronts are never changed in place). */
const none: Label[] = noLabels()

/**
 * Fronts for boundaries `from..to` (inclusive), given the fronts before `from` in `fronts`
 * (mutated: `fronts[i]` is set for each boundary computed). `stop(i, was)` may end the run early
 * after boundary i (the re-cut's resynchronisation, which keeps the old fronts in the same array
 * and reads the one boundary i held before, `was`); returns the last boundary computed.
 */
export function runPlan(ctx: PlanContext, fronts: Label[][], from: number, to: number, stop?: (i: number, was: readonly Label[] | undefined) => boolean): number {
  const { tokens, preset, decided, prefix, wordPrefix, labelLen, labelWords, lineCost, cutCost, forced, speakerChange } = ctx
  const n = tokens.length
  const maxWidth = preset.maxCharsPerLine * preset.maxLines + preset.maxLines
  const { num, den } = frameFraction(preset.frameRate)
  const frameOf = (ms: number): number => Math.round((ms * den) / num)
  const frameCeil = (ms: number): number => Math.ceil((ms * den) / num - 1e-9)
  const msOf = (frame: number): number => Math.round((frame * num) / den)
  const gapF = preset.minGapFrames
  const maxDurF = Math.floor((preset.maxDurationMs * den) / num)
  const minDurF = frameCeil(preset.minDurationMs)
  const dash = dashLength(preset)
  if (from === 0) {
    fronts[0] = [makeLabel(0, 0, -noFrame, -noFrame, -1, -1, -1, false)]
    from = 1
  }
  const builder = new FrontBuilder()
  for (let i = from; i <= to; i++) {
    const was = fronts[i]
    fronts[i] = none
    // Inside a range the reviewer kept together no cue may end (the front stays empty).
    if (i < n && decided.together[i]) {
      if (stop && stop(i, was)) return i
      continue
    }
    const endMs = tokens[i - 1].endMs
    const cut = i < n ? cutCost[i] : 0
    // The next cue's first word bounds this cue's out time.
    const limit = frameOf(i < n ? tokens[i].startMs : ctx.followingStartMs) - gapF
    // What the next cue can use of a label's state (see clamp below).
    const nextNominalFloor = i < n ? frameOf(tokens[i].startMs) - 1 - gapF : noFrame
    const nextFreeFloor = i < n ? Math.min(frameOf(tokens[i].startMs), Math.max(frameCeil(tokens[i].startMs - preset.maxLeadInMs), 0)) : noFrame
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
      const previous = fronts[j]
      if (!previous || previous.length === 0) continue
      const single = j === i - 1
      const extra = labelLen[j]
      let layoutCost: number
      let split = -1
      let dialogue = false
      let lines = 1
      if (changes === 1) {
        if (preset.maxLines < 2) break
        if (prefix[changeAt] - prefix[j] + (changeAt - j - 1) + dash > preset.maxCharsPerLine || prefix[i] - prefix[changeAt] + (i - changeAt - 1) + dash > preset.maxCharsPerLine) continue
        // Dashes suit a short exchange of whole turns; a stray word of another speaker
        // (diarisation noise) or a sentence cut in two reads badly as a dialogue.
        const wholeFirst = j === 0 || speakerChange[j] === 1 || isSentenceEnd(tokens[j - 1].text)
        const wholeSecond = i === n || speakerChange[i] === 1 || isSentenceEnd(tokens[i - 1].text)
        layoutCost = dialogueCueCost + (wholeFirst ? 0 : dialoguePartCut) + (wholeSecond ? 0 : dialoguePartCut)
        split = changeAt
        dialogue = true
        lines = 2
      } else {
        if (preset.maxLines <= 2) {
          const fits = w + extra <= preset.maxCharsPerLine
          layoutCost = preset.maxLines === 2 ? layoutTwoLines(prefix, lineCost, j, i, preset.maxCharsPerLine, extra) * 1000 : fits ? 0 : Infinity
          split = preset.maxLines === 2 ? twoLineSplit[0] : -1
          lines = split >= 0 ? 2 : 1
        } else {
          const layout = layoutLines(prefix, lineCost, j, i, preset.maxCharsPerLine, preset.maxLines, extra)
          layoutCost = layout ? layout.cost * 1000 : Infinity
          split = -2
          lines = layout ? layout.starts.length + 1 : 1
        }
        if (layoutCost === Infinity) {
          if (!single) continue
          // A word longer than a line (a URL, a long compound) fits no layout: it becomes a cue
          // of its own, whole on one line, and QC reports the line (see packLines).
          layoutCost = overlongWord
          split = -1
          lines = 1
        }
      }
      const startMs = tokens[j].startMs
      // A word that starts after the cue must go out (max duration) would never be seen with it;
      // one long word at the end (a recogniser artefact lasting seconds) is merely cut short.
      const speech = tokens[i - 1].startMs - startMs
      const chars = w + extra + (dialogue ? 2 * dash - 1 : 0)
      // What QC counts: line breaks take the place of spaces.
      const qcChars = chars - (lines - 1) + (dialogue ? 1 : 0)
      const words = wordPrefix[i] - wordPrefix[j] + labelWords[j]
      const needF = Math.max(minDurF, frameCeil(readingTimeMs(qcChars, i - j, preset)))
      const passF = passFrames(qcChars, words, preset, num, den)
      let base = costPerCue + layoutCost + cut * 1000
      if (speech > preset.maxDurationMs && !single) base += maxDurationBreach * 1000 * (1 + (speech - preset.maxDurationMs) / 1000)
      if (maxPause > longPauseInside) base += (maxPause - longPauseInside) * 10
      base = Math.round(base)
      const startF = frameOf(startMs)
      const lowest = Math.min(startF, Math.max(frameCeil(startMs - preset.maxLeadInMs), 0))
      const spokenF = frameOf(lastEnd)
      for (let q = 0; q < previous.length; q++) {
        const from = previous[q]
        // As timing.ts will place it: in on its first word (after the previous nominal start and
        // gap), out once read and spoken, within the maximum and before the next cue; short of
        // its need, in earlier, down to the lead-in and the room the previous cue leaves.
        const nominal = Math.max(startF, from.n + 1 + gapF)
        const e = Math.min(Math.max(spokenF, nominal + needF, nominal + 1), nominal + maxDurF, limit)
        const earliest = Math.max(lowest, from.f)
        let s = nominal
        if (e - s < needF && s > 0) s = Math.max(Math.min(earliest, s), Math.min(s, e - needF))
        const breach = !meetsSoftRules(e > s ? msOf(e) - msOf(s) : 0, qcChars, words, preset)
        let c = from.c + base
        if (e - s < needF) c += Math.round((breachShortfall * (needF - Math.max(e - s, 0))) / needF)
        const b = from.b + (breach ? 1 : 0)
        // The next cue may come in once this one, pulled as early as it may come, has what QC
        // asks (a cue breaching anyway keeps a frame: its count is paid, the next may still pass).
        let f = Math.min(earliest, s) + (breach ? 1 : passF) + gapF
        let nn = nominal
        if (f < nextFreeFloor) f = nextFreeFloor
        if (nn < nextNominalFloor) nn = nextNominalFloor
        if (builder.wants(b, c, nn, f)) builder.add(makeLabel(b, c, nn, f, j, q, split, dialogue))
      }
    }
    fronts[i] = builder.take()
    if (stop && stop(i, was)) return i
  }
  return to
}

/** How many words QC counts in `text`: space-separated parts with a letter or a digit. */
export function qcWords(text: string): number {
  let count = 0
  for (const part of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(part)) count++
  return count
}

/** The dialogue dash's length in characters. */
function dashLength(preset: SubtitlePreset): number {
  return charCount(preset.dialogueDash)
}

/** The best label at the last boundary: fewest breaches, then cheapest. */
export function bestLabel(front: readonly Label[]): number {
  if (front.length === 0) throw new Error('segmentation found no cut') // unreachable: a single word is always a candidate
  return 0
}

/** The cue a label stands for, ending before token `to`. */
export function planOf(ctx: PlanContext, label: Pick<Label, 'j' | 'split' | 'dialogue'>, to: number): Plan {
  const from = label.j
  const split = label.split
  const starts = split >= 0 ? [split] : split === -2 ? (layoutLines(ctx.prefix, ctx.lineCost, from, to, ctx.preset.maxCharsPerLine, ctx.preset.maxLines, ctx.labelLen[from])?.starts ?? []) : []
  return { from, to, starts, dialogue: label.dialogue }
}
