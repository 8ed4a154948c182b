import { describe, expect, it } from 'vitest'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { setSegmentText } from '../../shared/transcript/edits'
import { addCueDecision } from '../../shared/transcript/cue-decisions'
import { resolvePreset } from '../../shared/subtitles/presets'
import { recut, wholeCut } from '../../renderer/src/lib/cue-recut'
import { cueRows, nextBreachCue, readingSpeed } from '../../renderer/src/lib/cue-rows'
import type { Cue } from '../../shared/subtitles/types'

/*
 * The live cue view's re-cut: after an edit only the plan around the change is redone, and the
 * cues are exactly the whole cut's (test/shared/subtitles/local-recut-property.test.ts tries
 * random chains of edits on every real fixture).
 */

const model = normaliseTranscript(loadRealExport('soleio-interview.dpe.json'))
const words = (cues: readonly Cue[]): string[] => cues.flatMap((c) => c.lines.join(' ').split(' '))

/** The re-cut re-planned a few segments (its `passage`) and is exactly the whole cut of the edited transcript. */
function expectSpliced(_previous: readonly Cue[], next: ReturnType<typeof recut>, edited: typeof model, preset: ReturnType<typeof resolvePreset>): void {
  expect(next.passage).not.toBeNull()
  const whole = wholeCut(edited, preset)
  expect(next.cues).toStrictEqual(whole.cues)
  expect(next.notices).toStrictEqual(whole.notices)
  expect(words(next.cues)).toEqual(words(whole.cues))
}

describe.each(['netflix-en', 'bbc'])('%s', (name) => {
  const preset = resolvePreset(name)
  const first = wholeCut(model, preset)
  const mid = Math.floor(model.segments.length / 2)
  const seg = model.segments[mid]

  it('re-plans only around the edit, and the result is exactly the whole cut', () => {
    const edited = setSegmentText(model, seg.id, seg.words.map((w) => w.text).join(' ') + ' and then some more words here')
    const next = recut(first, edited, preset)
    expect(next.passage).not.toBeNull()
    expect(next.passage!.fromSegment).toBeLessThanOrEqual(mid)
    expect(next.passage!.toSegment).toBeGreaterThanOrEqual(mid)
    // Under dialogue dashes a speaker change is no passage boundary: the interview is one passage.
    if (name === 'bbc') expect(next.passage!.toSegment - next.passage!.fromSegment).toBeLessThan(model.segments.length - 1)
    expectSpliced(first.cues, next, edited, preset)
    expect(next.cues.flatMap((c) => c.lines.join(' ').split(' '))).toContain('then')
  })

  it('re-cuts after deleting a whole segment and after adding a decision', () => {
    const emptied = setSegmentText(model, seg.id, '')
    const a = recut(first, emptied, preset)
    expectSpliced(first.cues, a, emptied, preset)
    const word = model.segments[mid].words[2]
    const decided = addCueDecision(model, { kind: 'break-before', wordId: word.id })
    const b = recut(first, decided, preset)
    expect(b.passage).not.toBeNull()
    expectSpliced(first.cues, b, decided, preset)
    const rows = cueRows(decided, b.cues, preset)
    expect(rows.find((r) => r.words[0]?.id === word.id)).toBeTruthy()
  })

  it('rows hold every word once and give the speed in the preset unit', () => {
    const rows = cueRows(model, first.cues, preset)
    const ids = rows.flatMap((r) => r.words.map((w) => w.id))
    expect(ids).toEqual(model.segments.flatMap((s) => s.words.filter((w) => w.text.trim()).map((w) => w.id)))
    const r = rows[0]
    expect(r.speed).toBe(readingSpeed(r.cue.lines, r.cue.endMs - r.cue.startMs, preset))
    const breach = nextBreachCue(rows, -1, 1)
    if (breach >= 0) expect(rows[breach].severity).not.toBeNull()
  })
})
