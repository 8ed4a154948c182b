import { describe, expect, it } from 'vitest'
import { normaliseTranscript, setReviewed } from '../../../shared/transcript'
import { qcReport } from '../../../shared/subtitles'
import { buildFinishChecklist } from '../../../shared/review/finish/checklist'
import { smallExport } from './change-set-fixture'

describe('Finish review checklist', () => {
  const model = normaliseTranscript(smallExport())

  it('says "not tracked" for what the app does not track, never a made-up figure', () => {
    const list = buildFinishChecklist({ segments: model.segments })
    expect(list.lines.map((l) => [l.id, l.status, l.detail])).toEqual([
      ['heard', 'not-tracked', 'Not tracked'],
      ['queue', 'not-tracked', 'Not tracked'],
      ['unreviewed', 'open', '2 segments of 2 not marked reviewed'],
      ['second-pass', 'not-tracked', 'Not tracked'],
      ['qc', 'not-tracked', 'No subtitles to check']
    ])
    expect(list.open).toBe(1)
    expect(list.lines[2].first).toEqual({ segmentId: 's0', ms: 0 })
  })

  it('lists each open item with where its first one is', () => {
    const m = setReviewed(model, 's0', true)
    const segments = m.segments.map((s, i) => ({ ...s, secondPass: i === 1 }))
    const qc = qcReport(m, { preset: 'netflix-en', overrides: { maxCharsPerSecond: 5 } })
    const list = buildFinishChecklist({ heardPercent: 73.6, firstUnheardMs: 4200, queueLeft: { count: 3, first: { segmentId: 's1', ms: 4600 } }, segments, qc })
    const byId = Object.fromEntries(list.lines.map((l) => [l.id, l]))
    expect(byId.heard).toMatchObject({ status: 'open', detail: 'Heard 73%', first: { segmentId: 's1', ms: 4200 } })
    expect(byId.queue).toMatchObject({ status: 'open', detail: '3 items left', first: { segmentId: 's1', ms: 4600 } })
    expect(byId.unreviewed).toMatchObject({ status: 'open', detail: '1 segment of 2 not marked reviewed', first: { segmentId: 's1', ms: 4000 } })
    expect(byId['second-pass']).toMatchObject({ status: 'open', detail: '1 segment marked for a second pass', first: { segmentId: 's1' } })
    expect(qc.breaches.length).toBeGreaterThan(0)
    expect(byId.qc).toMatchObject({ status: 'open', label: 'Subtitle QC (netflix-en)' })
    expect(byId.qc.first).not.toBeNull()
    expect(list.open).toBe(5)
  })

  it('is all done when everything is heard, accepted, reviewed and within the preset', () => {
    let m = setReviewed(model, 's0', true)
    m = setReviewed(m, 's1', true)
    const segments = m.segments.map((s) => ({ ...s, secondPass: false }))
    const list = buildFinishChecklist({ heardPercent: 100, queueLeft: { count: 0, first: null }, segments, qc: { ...qcReport(m), breaches: [], summary: { ...qcReport(m).summary, hard: 0, soft: 0 } } })
    expect(list.lines.map((l) => l.status)).toEqual(['done', 'done', 'done', 'done', 'done'])
    expect(list.open).toBe(0)
  })
})
