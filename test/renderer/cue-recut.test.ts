import { describe, expect, it } from 'vitest'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { setSegmentText } from '../../shared/transcript/edits'
import { addCueDecision } from '../../shared/transcript/cue-decisions'
import { resolvePreset } from '../../shared/subtitles/presets'
import { cutPassage } from '../../shared/subtitles/passage'
import { recut, wholeCut } from '../../renderer/src/lib/cue-recut'
import { cueRows, nextBreachCue, readingSpeed } from '../../renderer/src/lib/cue-rows'
import type { Cue } from '../../shared/subtitles/types'

/*
 * The live cue view's re-cut: after an edit only the touched passage is cut again, and the
 * spliced cues are those of cutting every passage of the edited transcript on its own.
 */

const model = normaliseTranscript(loadRealExport('soleio-interview.dpe.json'))
const text = (cues: readonly Cue[]): string[] => cues.map((c) => `${c.startMs}-${c.endMs}:${c.lines.join('|')}`)

const words = (cues: readonly Cue[]): string[] => cues.flatMap((c) => c.lines.join(' ').split(' '))

/** The re-cut is the previous cues outside the passage and the passage's own cut inside, every word once in order. */
function expectSpliced(previous: readonly Cue[], next: ReturnType<typeof recut>, edited: typeof model, preset: ReturnType<typeof resolvePreset>): void {
  expect(next.passage).not.toBeNull()
  const inside = text(cutPassage(edited, preset, next.passage!).cues)
  const got = text(next.cues)
  expect(words(next.cues)).toEqual(words(wholeCut(edited, preset).cues))
  if (inside.length === 0) {
    // The passage lost every word: the other cues are the previous ones.
    expect(got.every((c) => text(previous).includes(c))).toBe(true)
    return
  }
  const at = got.indexOf(inside[0])
  expect(at).toBeGreaterThanOrEqual(0)
  expect(got.slice(at, at + inside.length)).toEqual(inside)
  expect(got.slice(0, at)).toEqual(text(previous).slice(0, at))
  const tail = got.slice(at + inside.length)
  expect(tail).toEqual(text(previous).slice(previous.length - tail.length))
  expect(words(next.cues)).toEqual(words(wholeCut(edited, preset).cues))
}

describe.each(['netflix-en', 'bbc'])('%s', (name) => {
  const preset = resolvePreset(name)
  const first = wholeCut(model, preset)
  const mid = Math.floor(model.segments.length / 2)
  const seg = model.segments[mid]

  it('re-cuts only the edited passage, and the result is the passage-by-passage cut', () => {
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
