import { describe, expect, it } from 'vitest'
import { createArrayPool } from '../../../shared/subtitles/array-pool'
import { loadRealExport } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import { setSegmentText } from '../../../shared/transcript/edits'
import { resolvePreset } from '../../../shared/subtitles/presets'
import { cutWords } from '../../../shared/subtitles/segment'
import { cutAfterEdit, cutWhole, releaseCut } from '../../../shared/subtitles/local-recut'

/*
 * The typed-array pool the live re-cut fills its planner arrays from (shared/subtitles/array-pool.ts):
 * arrays come back zero-filled at the length asked, a given-back array is handed out again, and a
 * chain of re-cuts that gives each replaced cut's arrays back stays exactly the whole cut.
 */

describe('the array pool', () => {
  it('hands out zero-filled arrays of the length asked, reusing the ones given back', () => {
    const pool = createArrayPool()
    const a = pool.f64(100)
    expect(a.length).toBe(100)
    a.fill(7)
    pool.give(a)
    pool.give(a)
    expect(pool.size).toBe(1)
    const b = pool.f64(90)
    expect(b.buffer).toBe(a.buffer)
    expect(b.length).toBe(90)
    expect([...b].every((x) => x === 0)).toBe(true)
    // Too big for what is free: a new one.
    pool.give(b)
    const c = pool.f64(1000)
    expect(c.buffer).not.toBe(a.buffer)
    expect(pool.size).toBe(1)
    const i = pool.i32(10)
    const u = pool.u8(10)
    pool.give(i, u)
    expect(pool.i32(5).buffer).toBe(i.buffer)
    expect(pool.u8(5).buffer).toBe(u.buffer)
  })

  it('a chain of re-cuts, each giving back the one it replaced, is exactly the whole cut; a re-cut from a released cut is a whole cut', () => {
    const model0 = normaliseTranscript(loadRealExport('soleio-interview.dpe.json'))
    const preset = resolvePreset('bbc')
    let model = model0
    let cut = cutWhole(model, preset)
    const first = cut
    for (let i = 0; i < 12; i++) {
      const seg = model.segments[(i * 37) % model.segments.length]
      model = setSegmentText(model, seg.id, `${seg.words.map((w) => w.text).join(' ')} ${i % 2 ? 'indeed' : 'no, never. Right'}`)
      const next = cutAfterEdit(cut.state, model, preset)
      expect(next.segments).not.toBeNull()
      releaseCut(cut.state!)
      const whole = cutWords(model, preset)
      expect(next.cues).toStrictEqual(whole.cues)
      expect(next.notices).toStrictEqual(whole.notices)
      cut = next
    }
    // The first cut's arrays went to later cuts: re-cutting from it re-cuts the whole transcript.
    const again = cutAfterEdit(first.state, model, preset)
    expect(again.segments).toBeNull()
    expect(again.cues).toStrictEqual(cutWords(model, preset).cues)
  })
})
