import { describe, expect, it } from 'vitest'
import { edgeCases } from '../../fixtures/edge-cases'
import { convertRealFixture, realFixtureNames } from '../../fixtures/real-to-export'
import { normaliseTranscript, setReviewed, toTranscriptExport } from '../../../shared/transcript'

/** The export as it arrives over the wire (a fresh object graph, nothing shared with the fixture). */
function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

describe('normalise → toTranscriptExport gives back the input', () => {
  const units = ['seconds', 'milliseconds', 'ticks'] as const
  it.each(realFixtureNames.flatMap((n) => units.map((u) => [n, u] as const)))('%s (%s)', (name, unit) => {
    const input = wire(convertRealFixture(name, { timeUnit: unit, confidenceScale: unit === 'ticks' ? 100 : 1 }))
    const out = toTranscriptExport(normaliseTranscript(input))
    expect(out).toStrictEqual(input)
    expect(JSON.stringify(out)).toBe(JSON.stringify(input))
  })

  it.each(Object.keys(edgeCases))('edge case %s', (name) => {
    const input = wire(edgeCases[name])
    const out = toTranscriptExport(normaliseTranscript(input))
    expect(out).toStrictEqual(input)
    expect(JSON.stringify(out)).toBe(JSON.stringify(input))
  })

  it('ignores reviewed marks (editor state, not export data)', () => {
    const input = wire(convertRealFixture('kate-darling-ted.dpe.json'))
    const m = normaliseTranscript(input)
    expect(toTranscriptExport(setReviewed(m, m.segments[3].id, true))).toStrictEqual(input)
  })

  it('survives the model going through JSON (a draft on disk)', () => {
    const input = wire(edgeCases.overlappingUnsorted)
    const m = wire(normaliseTranscript(input))
    expect(toTranscriptExport(m)).toStrictEqual(input)
  })
})
