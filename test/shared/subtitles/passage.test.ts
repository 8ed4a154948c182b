import { describe, expect, it } from 'vitest'
import { loadRealExport } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import { addCueDecision } from '../../../shared/transcript/cue-decisions'
import { presetNames, resolvePreset } from '../../../shared/subtitles/presets'
import { segmentCues } from '../../../shared/subtitles/segment'
import { cutPassage, passageAt } from '../../../shared/subtitles/passage'
import type { Cue } from '../../../shared/subtitles/types'

/*
 * A passage re-cut on its own gives the whole cut's cues for its words (passage.ts): exactly at
 * silence boundaries; at speaker-change boundaries nearly always (the count is printed).
 */

const model = normaliseTranscript(loadRealExport('soleio-interview.dpe.json'))
const hearing = normaliseTranscript(loadRealExport('senate-hearing-2h.dpe.json'))

function allPassages(m: typeof model, preset: ReturnType<typeof resolvePreset>): { cues: Cue[]; firsts: Set<number> } {
  const cues: Cue[] = []
  const firsts = new Set<number>()
  for (let s = 0; s < m.segments.length; ) {
    const p = passageAt(m, preset, s)
    firsts.add(cues.length)
    cues.push(...cutPassage(m, preset, p).cues)
    s = p.toSegment + 1
  }
  return { cues, firsts }
}

describe.each(presetNames.flatMap((name) => [[name, 'soleio-interview', model] as const, [name, 'senate-hearing-2h', hearing] as const]))('%s, %s', (name, _label, m) => {
  it('cuts every passage as the whole cut does', () => {
    const preset = resolvePreset(name)
    const whole = segmentCues(m, preset).cues
    const { cues, firsts } = allPassages(m, preset)
    // Every word once, in order, as in the whole cut.
    expect(cues.flatMap((c) => c.lines.join(' ').split(' '))).toEqual(whole.flatMap((c) => c.lines.join(' ').split(' ')))
    const same = (a: Cue, b: Cue | undefined): boolean => !!b && a.startMs === b.startMs && a.endMs === b.endMs && a.lines.join('|') === b.lines.join('|')
    const differing = cues.filter((c, k) => !same(c, whole[k])).length
    console.log(`${name} ${_label}: ${firsts.size} passages, ${differing} of ${cues.length} cues differ from the whole cut (lines or times)`)
    // A passage boundary with silence is exact; a speaker change with little may shift a cue or two.
    // Since timing pulls the cues before a short cue in early (docs/subtitles.md#timing), a cue
    // across a speaker change can move too: 17 of 352 under bbc on the interview (was under 3%).
    expect(differing / cues.length).toBeLessThan(0.06)
  })
})

it('honours the decisions anchored inside the passage', () => {
  const preset = resolvePreset('bbc')
  const p = passageAt(model, preset, 5)
  const words = model.segments.slice(p.fromSegment, p.toSegment + 1).flatMap((s) => s.words)
  const target = words[Math.min(3, words.length - 1)]
  const decided = addCueDecision(model, { kind: 'break-before', wordId: target.id })
  const cues = cutPassage(decided, preset, p).cues
  expect(cues.some((c) => c.lines.join(' ').startsWith(target.text))).toBe(true)
})
