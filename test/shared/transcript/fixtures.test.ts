import { describe, expect, it } from 'vitest'
import { transcriptExportSchema } from '../../../shared/api/transcript-export'
import { edgeCases } from '../../fixtures/edge-cases'
import { convertRealFixture, realFixtureNames } from '../../fixtures/real-to-export'

describe('real fixtures converted to the export shape', () => {
  it.each(realFixtureNames)('%s is schema-valid and deterministic', (name) => {
    const a = convertRealFixture(name)
    expect(transcriptExportSchema.safeParse(a).success).toBe(true)
    expect(convertRealFixture(name)).toStrictEqual(a)
    const segs = a.transcript.transcripts!
    expect(segs.length).toBeGreaterThan(5)
    for (const s of segs) {
      expect(s.displayWords!.length).toBeGreaterThan(0)
      expect(a.transcript.speakers!.some((sp) => sp.speakerId === s.speakerId)).toBe(true)
    }
    expect(a.lastCheckedOutUntil).toMatch(/\.\d{7}Z$/)
  })

  it('keeps every word of the 2-hour hearing in 838 turns', () => {
    const e = convertRealFixture('senate-hearing-2h.dpe.json')
    const segs = e.transcript.transcripts!
    expect(segs).toHaveLength(838)
    expect(segs.reduce((n, s) => n + s.displayWords!.length, 0)).toBe(14_901)
    expect(e.totalTimeInSeconds).toBeGreaterThanOrEqual(7204)
  })

  it('expresses segment times in the unit asked for, words always in seconds', () => {
    const s = convertRealFixture('kate-darling-ted.dpe.json').transcript.transcripts![0]
    const ms = convertRealFixture('kate-darling-ted.dpe.json', { timeUnit: 'milliseconds' }).transcript.transcripts![0]
    const ticks = convertRealFixture('kate-darling-ted.dpe.json', { timeUnit: 'ticks', confidenceScale: 100 }).transcript.transcripts![0]
    expect(s.start).toBe(13.02)
    expect(ms.start).toBe(13020)
    expect(ticks.start).toBe(130_200_000)
    expect(ticks.displayWords![0].offsetInSeconds).toBe(13.02)
    expect(ticks.confidence!).toBeGreaterThan(1)
  })

  it('attaches untimed punctuation in the text the way each source has it', () => {
    const amazon = convertRealFixture('today-in-focus.amazon-transcribe.json').transcript.transcripts![0]
    expect(amazon.displayText).toContain('disasters.')
    expect(amazon.displayWords!.some((w) => w.text === '.')).toBe(false)
    const sm = convertRealFixture('ted-talk.speechmatics.json').transcript.transcripts![0]
    expect(sm.displayText).toContain('down.')
    expect(sm.displayWords!.some((w) => w.text === '.')).toBe(true)
  })

  it.each(Object.entries(edgeCases))('edge case %s is schema-valid', (_name, exp) => {
    expect(transcriptExportSchema.safeParse(exp).success).toBe(true)
  })
})
