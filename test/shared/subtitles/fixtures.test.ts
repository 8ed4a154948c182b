import { describe, expect, it } from 'vitest'
import { loadRealExport, realFixtureNames } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import type { TranscriptModel } from '../../../shared/transcript/model'
import { presetNames, resolvePreset } from '../../../shared/subtitles/presets'
import { runQc } from '../../../shared/subtitles/qc'
import { segmentCues } from '../../../shared/subtitles/segment'
import type { Cue } from '../../../shared/subtitles/types'
import { dpeFixtures, modelFromDpe } from './model-from-dpe'
import { cuesWithRoom, softShares } from './speech-room'

/*
 * Subtitles a professional accepts (docs/subtitles.md#principles), on every real fixture and
 * preset: every word once and in order, no hard breach, cues in within 250 ms of their first word,
 * and the soft-breach share printed (and under 5% where the speech leaves room; see
 * speech-room.ts).
 */

const sources: [string, () => TranscriptModel][] = [
  ...dpeFixtures.map((name): [string, () => TranscriptModel] => [`${name} (direct)`, () => modelFromDpe(name)]),
  ...realFixtureNames.map((name): [string, () => TranscriptModel] => [`${name} (API export)`, () => normaliseTranscript(loadRealExport(name))])
]

const normalise = (text: string): string[] => text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)

function spokenTokens(cues: readonly Cue[], dash: string): string[] {
  const out: string[] = []
  for (const cue of cues) {
    if (cue.kind !== 'speech') continue
    const dialogue = new Set(cue.lineSpeakers).size > 1
    for (const line of cue.lines) out.push(...normalise(dialogue && line.startsWith(dash) ? line.slice(dash.length) : line))
  }
  return out
}

const printed: string[] = []

describe.each(sources)('%s', (_label, load) => {
  const model = load()
  const words = model.segments.flatMap((s) => s.words).flatMap((w) => normalise(w.text))

  it.each(presetNames)('%s', (name) => {
    const preset = resolvePreset(name)
    const { cues } = segmentCues(model, preset)
    const report = runQc(cues, preset)

    // Every word once, in order (compared as whole sequences: a miss or a duplicate shifts it).
    expect(spokenTokens(cues, preset.dialogueDash)).toEqual(words)

    // No hard limit broken.
    expect(report.breaches.filter((b) => b.severity === 'hard')).toEqual([])

    // In within 250 ms of the first word.
    const late = cues.filter((c) => c.kind === 'speech' && Math.abs(c.startMs - preset.startOffsetMs - c.speechStartMs) > 250)
    expect(late).toEqual([])

    const shares = softShares(cues, preset, report)
    const speechBound = 1 - cuesWithRoom(cues, preset).size / cues.length
    const line = `${_label.padEnd(52)} ${name.padEnd(10)} cues ${String(cues.length).padStart(5)}  soft ${(shares.all * 100).toFixed(1).padStart(5)}%  where speech leaves room ${(shares.withRoom * 100).toFixed(1).padStart(4)}%  speech-bound cues ${(speechBound * 100).toFixed(1).padStart(5)}%  ${JSON.stringify(report.summary.byRule)}`
    console.log(line)
    printed.push(line)

    // Where the speech leaves room, soft limits are met (under 5% breaking one)...
    expect(shares.withRoom).toBeLessThan(0.05)
    // ...and where the speech rate allows overall (fewer than 5% speech-bound cues), the
    // share of all cues stays under 5% too.
    if (speechBound < 0.05) expect(shares.all).toBeLessThan(0.05)
  })
})

describe('with a programme start past 24 hours', () => {
  it('keeps every rule with a 25:00:00 offset', () => {
    const preset = resolvePreset('netflix-en', { startOffsetMs: 90_000_000 })
    const model = modelFromDpe('kate-darling-ted.dpe.json')
    const { cues } = segmentCues(model, preset)
    expect(cues[0].startMs).toBeGreaterThanOrEqual(90_000_000)
    expect(runQc(cues, preset).summary.hard).toBe(0)
  })
})
