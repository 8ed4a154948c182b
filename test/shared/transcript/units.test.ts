import { describe, expect, it } from 'vitest'
import { millisecondUnits, nullsEverywhere, percentConfidence, tickUnits, emptyDisplayWords } from '../../fixtures/edge-cases'
import { convertRealFixture, realFixtureNames } from '../../fixtures/real-to-export'
import {
  confidenceFromUnit,
  confidenceToUnit,
  detectConfidenceScale,
  detectTimeUnit,
  msToUnit,
  unitForRatio,
  unitToMs
} from '../../../shared/transcript/units'
import { normaliseTranscript } from '../../../shared/transcript/normalise'

describe('time unit detection', () => {
  it.each([
    [13.02, 13.02, 'seconds'],
    [13.0, 13.17, 'seconds'],
    [13020, 13.02, 'milliseconds'],
    [130_200_000, 13.02, 'ticks'],
    [0, 0.28, null],
    [12, 0.01, null],
    [-5, 3, null],
    [500_000, 3, null]
  ] as const)('value %d against word %d s reads as %s', (value, seconds, unit) => {
    expect(unitForRatio(value, seconds)).toBe(unit)
  })

  const units = ['seconds', 'milliseconds', 'ticks'] as const
  it.each(realFixtureNames.flatMap((n) => units.map((u) => [n, u] as const)))('%s in %s is detected', (name, unit) => {
    const d = detectTimeUnit(convertRealFixture(name, { timeUnit: unit }))
    expect(d.unit).toBe(unit)
    expect(d.confident).toBe(true)
  })

  it('detects the hand-made millisecond and tick exports', () => {
    expect(detectTimeUnit(millisecondUnits).unit).toBe('milliseconds')
    expect(detectTimeUnit(tickUnits).unit).toBe('ticks')
  })

  it('falls back to seconds without timed words, and says so', () => {
    const exp = { ...nullsEverywhere, transcript: { ...nullsEverywhere.transcript, transcripts: [nullsEverywhere.transcript.transcripts![1]] } }
    const d = detectTimeUnit(exp)
    expect(d).toMatchObject({ unit: 'seconds', confident: false })
    expect(normaliseTranscript(exp).issues.map((i) => i.kind)).toContain('unit-guessed')
  })

  it('uses the recording length when no segment has timed words', () => {
    const exp = { ...emptyDisplayWords, totalTimeInSeconds: 10, transcript: { ...emptyDisplayWords.transcript, transcripts: [{ ...emptyDisplayWords.transcript.transcripts![1], start: 3000, end: 9000 }] } }
    expect(detectTimeUnit(exp)).toMatchObject({ unit: 'milliseconds', confident: true })
  })

  it('converts to and from integer milliseconds', () => {
    expect(unitToMs(13.0245, 'seconds')).toBe(13025)
    expect(unitToMs(13020.4, 'milliseconds')).toBe(13020)
    expect(unitToMs(130_245_000, 'ticks')).toBe(13025)
    expect(msToUnit(13020, 'seconds')).toBe(13.02)
    expect(msToUnit(13020, 'milliseconds')).toBe(13020)
    expect(msToUnit(13020, 'ticks')).toBe(130_200_000)
  })
})

describe('confidence scale', () => {
  it('reads 0..100 exports as 100 and 0..1 exports as 1', () => {
    expect(detectConfidenceScale(percentConfidence)).toBe(100)
    expect(detectConfidenceScale(millisecondUnits)).toBe(1)
    expect(detectConfidenceScale(nullsEverywhere)).toBe(1)
    expect(detectConfidenceScale(convertRealFixture('ted-talk.speechmatics.json', { confidenceScale: 100 }))).toBe(100)
  })

  it('normalises to 0..1 and back', () => {
    expect(confidenceToUnit(92.25, 100)).toBeCloseTo(0.9225)
    expect(confidenceToUnit(null, 100)).toBeNull()
    expect(confidenceToUnit(1.5, 1)).toBe(1)
    expect(confidenceFromUnit(0.9225, 100)).toBe(92.25)
    expect(normaliseTranscript(percentConfidence).segments[0].words[0].confidence).toBeCloseTo(0.9225)
  })
})
