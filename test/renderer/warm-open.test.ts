import { describe, expect, it } from 'vitest'
import { normaliseTranscript } from '../../shared/transcript'
import { transcriptExportSchema } from '../../shared/api/transcript-export'
import { warmOpen, warmUpExport } from '../../renderer/src/lib/warm-open'

/*
 * The start screen runs the normaliser once on a made-up transcript (lib/warm-open.ts) so that a
 * task's first open does not run that code cold. The made-up export must take the path a real
 * one does (valid to the vendor's schema, timed words, listed speakers, nothing to repair), and
 * the warm-up must run in steps to its end.
 */

describe('warming the open on the start screen', () => {
  it('the made-up export is a valid, clean export: normalised without a notice, every word timed', () => {
    const exp = warmUpExport()
    expect(transcriptExportSchema.safeParse(exp).success).toBe(true)
    const model = normaliseTranscript(exp)
    expect(model.issues).toEqual([])
    expect(model.segments).toHaveLength(24)
    expect(model.speakers.map((s) => s.name)).toEqual(['Chair', 'Witness'])
    expect(model.segments.every((s) => s.words.every((w) => !w.estimated))).toBe(true)
  })

  it('runs in many small steps to its end', () => {
    let steps = 0
    for (const _ of warmOpen()) steps++
    expect(steps).toBeGreaterThan(10)
  })
})
