import type { SubtitlePreset } from '../../../shared/subtitles/presets'
import { frameFraction } from '../../../shared/subtitles/presets'
import type { QcReport } from '../../../shared/subtitles/qc'
import { charCount, cleanText } from '../../../shared/subtitles/text'
import type { Cue } from '../../../shared/subtitles/types'
import type { TranscriptModel } from '../../../shared/transcript/model'

/*
 * Avoidable soft breaches, judged independently of the cutter (it shares no code with
 * segment.ts): the words are split into passages at silences no cue can reach across (longer
 * than the maximum duration plus lead-in and gap, so no cut on one side changes what the other
 * side can do), and for each passage a DP over every cut that keeps the hard rules (lines, chars
 * per line, one speaker per cue in new-cue style, at most one change in a dialogue cue) finds the
 * fewest cues that must break a soft rule (reading speed, words per minute, minimum and maximum
 * duration, gap). Its timing model is the guides' own: a cue comes in on its first word's frame
 * or up to the lead-in earlier, after the previous cue and its gap; goes out no earlier than its
 * last word (or earlier, where the next cue's lead-in and gap clip it) and before the next
 * cue's first word less the gap; frames of the preset's rate. The
 * state at each cut is the Pareto front of (breaching cues so far, frame the last cue ends on), so
 * the count is exact under that model. What the cutter breaches beyond that count was avoidable.
 */

interface Tok {
  readonly len: number
  readonly counts: boolean
  readonly start: number
  readonly end: number
  readonly speaker: string
}

/** One passage whose cut breaches more cues than it had to. */
export interface AvoidablePassage {
  readonly fromMs: number
  readonly toMs: number
  readonly words: number
  readonly breached: number
  readonly minimum: number
  readonly cues: readonly string[]
}

/** Avoidable breaches of a cut: the total, and the passages they are in. */
export interface AvoidableReport {
  readonly avoidable: number
  readonly passages: readonly AvoidablePassage[]
  readonly breachedCues: number
  readonly minimumBreaches: number
}

export function tokensOf(model: TranscriptModel): Tok[] {
  const out: Tok[] = []
  for (const s of model.segments) {
    for (const w of s.words) {
      const text = cleanText(w.text)
      if (!text) continue
      out.push({ len: charCount(text), counts: /[\p{L}\p{N}]/u.test(text), start: w.startMs, end: Math.max(w.endMs, w.startMs), speaker: s.speakerId })
    }
  }
  return out
}

/** Fewest cues breaking a soft rule over every hard-rule-keeping cut of tokens[a..b). */
export function minimumBreaches(t: readonly Tok[], a: number, b: number, p: SubtitlePreset): number {
  const { num, den } = frameFraction(p.frameRate)
  const round = (ms: number): number => Math.round((ms * den) / num)
  const ceil = (ms: number): number => Math.ceil((ms * den) / num - 1e-9)
  const gap = p.minGapFrames
  const maxDurF = Math.floor((p.maxDurationMs * den) / num)
  const dash = charCount(p.dialogueDash)
  // fronts[k]: non-dominated [breaches, end frame] after a cue ending before token k.
  const fronts: [number, number][][] = Array.from({ length: b - a + 1 }, () => [])
  fronts[0] = [[0, -Infinity]]
  const add = (k: number, breaches: number, end: number): void => {
    const f = fronts[k]
    if (f.some(([bb, ee]) => bb <= breaches && ee <= end)) return
    const kept = f.filter(([bb, ee]) => !(breaches <= bb && end <= ee))
    kept.push([breaches, end])
    fronts[k] = kept
  }
  for (let j = a; j < b; j++) {
    const front = fronts[j - a]
    if (front.length === 0) continue
    let width = -1
    let words = 0
    let changes = 0
    let changeAt = -1
    let lastEnd = 0
    for (let i = j + 1; i <= b; i++) {
      const tok = t[i - 1]
      if (i > j + 1 && tok.speaker !== t[i - 2].speaker) {
        if (p.speakerStyle === 'new-cue') break
        changes++
        changeAt = i - 1
        if (changes > 1) break
      }
      width += tok.len + 1
      if (tok.counts) words++
      lastEnd = Math.max(lastEnd, tok.end)
      let lines: number
      if (changes === 1) {
        let left = -1
        for (let k = j; k < changeAt; k++) left += t[k].len + 1
        const right = width - left - 1
        if (p.maxLines < 2 || left + dash > p.maxCharsPerLine || right + dash > p.maxCharsPerLine) {
          if (left + dash > p.maxCharsPerLine) break
          continue
        }
        lines = 2
      } else {
        lines = linesNeeded(t, j, i, p.maxCharsPerLine)
        if (lines > p.maxLines) {
          if (i > j + 1) break
          lines = 1 // a word longer than a line stands alone whatever the cut
        }
      }
      const chars = width - (lines - 1) + (changes === 1 ? 2 * dash : 0)
      const needMs = Math.max(p.minDurationMs - 1, (chars * 1000) / (p.maxCharsPerSecond + 0.05), p.maxWordsPerMinute ? (words * 60_000) / (p.maxWordsPerMinute + 0.5) : 0) + 1
      const needF = ceil(needMs)
      const sLo = Math.max(0, ceil(t[j].start - p.maxLeadInMs))
      const limit = i < b ? round(t[i].start) - gap : Infinity
      // The next cue may come in up to the lead-in before its word, clipping this one's last word.
      const clip = i < b ? Math.max(0, ceil(t[i].start - p.maxLeadInMs)) - gap : Infinity
      for (const [breaches, prevEnd] of front) {
        const s = Math.max(sLo, prevEnd + gap)
        // Out with the last word, or earlier where the next cue's lead-in and gap clip it.
        const e = Math.max(s + needF, Math.min(round(lastEnd), clip, s + maxDurF), s + 1)
        // Every word starts within the maximum duration of its cue (else it is never seen with it).
        if (e - s <= maxDurF && e <= limit && round(tok.start) < s + maxDurF) add(i - a, breaches, e)
        // A cue that breaks a rule anyway still stays up while its words are spoken.
        add(i - a, breaches + 1, Math.max(s + 1, Math.min(round(lastEnd), clip, s + maxDurF)))
      }
    }
  }
  return Math.min(...fronts[b - a].map(([bb]) => bb))
}

/** Lines a greedy fill needs (the fewest possible when words keep their order). */
function linesNeeded(t: readonly Tok[], j: number, i: number, max: number): number {
  let lines = 1
  let width = -1
  for (let k = j; k < i; k++) {
    if (width >= 0 && width + 1 + t[k].len > max) {
      lines++
      width = t[k].len
    } else width += t[k].len + 1
    if (width > max) return Infinity
  }
  return lines
}

/** Counts the cutter's avoidable soft breaches on `model` (cues and report from the cutter and QC). */
export function avoidableBreaches(model: TranscriptModel, cues: readonly Cue[], report: QcReport, preset: SubtitlePreset): AvoidableReport {
  const t = tokensOf(model)
  const gapMs = (preset.minGapFrames * frameFraction(preset.frameRate).num) / frameFraction(preset.frameRate).den
  const apart = preset.maxDurationMs + preset.maxLeadInMs + gapMs + 100
  const bounds = [0]
  let maxEnd = -Infinity
  for (let k = 0; k < t.length; k++) {
    if (k > 0 && t[k].start - maxEnd >= apart) bounds.push(k)
    maxEnd = Math.max(maxEnd, t[k].end)
  }
  bounds.push(t.length)
  const soft = new Set(report.breaches.filter((x) => x.severity === 'soft').map((x) => x.cueIndex))
  const starts = bounds.slice(0, -1).map((k) => t[k].start)
  const byPassage = new Map<number, number[]>()
  cues.forEach((cue, k) => {
    if (!soft.has(k) || cue.kind !== 'speech') return
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= cue.speechStartMs) lo = mid
      else hi = mid - 1
    }
    byPassage.set(lo, [...(byPassage.get(lo) ?? []), k])
  })
  const passages: AvoidablePassage[] = []
  let avoidable = 0
  let minimumTotal = 0
  for (const [index, breached] of byPassage) {
    const a = bounds[index]
    const b = bounds[index + 1]
    const minimum = minimumBreaches(t, a, b, preset)
    minimumTotal += minimum
    if (breached.length > minimum) {
      avoidable += breached.length - minimum
      passages.push({ fromMs: t[a].start, toMs: t[b - 1].end, words: b - a, breached: breached.length, minimum, cues: breached.map((k) => `${cues[k].startMs}-${cues[k].endMs} ${cues[k].lines.join(' / ')}`) })
    }
  }
  return { avoidable, passages, breachedCues: soft.size, minimumBreaches: minimumTotal }
}
