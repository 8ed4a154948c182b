import { describe, expect, it } from 'vitest'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { addCueDecision } from '../../shared/transcript/cue-decisions'
import type { CueDecision } from '../../shared/transcript/cue-decisions'
import { frameToMs, resolvePreset } from '../../shared/subtitles/presets'
import type { SubtitlePreset } from '../../shared/subtitles'
import type { TranscriptModel } from '../../shared/transcript'
import { wholeCut } from '../../renderer/src/lib/cue-recut'
import { cueRows } from '../../renderer/src/lib/cue-rows'
import { makeModel, paced } from '../shared/subtitles/make-model'
import { edgeOfWord, edgeRange, planEdge, settleEdge } from '../../renderer/src/lib/cue-edge-drag'

/*
 * A cue edge dragged to a time becomes a nudge decision (lib/cue-edge-drag): whole frames, kept
 * off the neighbours by the preset's minimum gap, within ±2 s, refused on a locked cue; and, once
 * settled by a trial re-cut, the cutter puts the edge exactly where the drag left it, also where
 * the edge had been chained across a short gap (the nudge applies to the edge before chaining).
 */

const interview = normaliseTranscript(loadRealExport('soleio-interview.dpe.json'))

function setup(model: TranscriptModel, preset: SubtitlePreset) {
  const cut = wholeCut(model, preset)
  return { cut, rows: cueRows(model, cut.cues, preset) }
}

/** Drags `edge` of cue `index` to `ms`, records the settled nudge and cuts again: where the edge ends up. */
function dragAndCut(model: TranscriptModel, preset: SubtitlePreset, index: number, edge: 'in' | 'out', ms: number, settle = true) {
  const { cut, rows } = setup(model, preset)
  const plan = planEdge(rows, index, edge, ms, preset, model.cueDecisions ?? [])
  if (!plan.ok) return { plan, landed: null }
  const deltaMs = settle ? settleEdge(cut, plan).deltaMs : plan.deltaMs
  const next = addCueDecision(model, { kind: 'nudge', edge, wordId: plan.wordId, deltaMs })
  return { plan, landed: edgeOfWord(next, wholeCut(next, preset).cues, plan.wordId, edge), deltaMs }
}

describe('a dragged cue edge as a nudge', () => {
  const preset = resolvePreset('netflix-en')
  const frame = frameToMs(1000, preset.frameRate) / 1000
  const gap = frameToMs(preset.minGapFrames, preset.frameRate)
  const { rows } = setup(interview, preset)

  it('lands on a frame, exactly where the drag left it, within the room around the cue', () => {
    let tried = 0
    for (let i = 1; i < rows.length - 1 && tried < 6; i += 11) {
      // Continuous speech: the cues sit a gap apart, so the room is inside the cue (earlier).
      const room = edgeRange(rows, i, 'out', preset, null)
      if (rows[i].cue.endMs - room.lo < 800) continue
      tried++
      const target = rows[i].cue.endMs - 250 - i
      const { plan, landed } = dragAndCut(interview, preset, i, 'out', target)
      expect(plan.ok).toBe(true)
      if (!plan.ok) continue
      expect(Math.abs(plan.ms - target)).toBeLessThanOrEqual(frame / 2 + 1)
      expect(plan.clamped).toBeNull()
      expect(landed).toBe(plan.ms)
    }
    expect(tried).toBeGreaterThan(3)
  })

  it('stops at the next cue less the minimum gap, and at the previous cue plus the gap', () => {
    const i = rows.findIndex((r, k) => k > 0 && k < rows.length - 1 && rows[k + 1].cue.startMs - r.cue.endMs < 1500)
    const out = planEdge(rows, i, 'out', rows[i + 1].cue.endMs, preset, [])
    expect(out).toMatchObject({ ok: true, clamped: 'neighbour' })
    if (out.ok) {
      expect(out.ms).toBeLessThanOrEqual(rows[i + 1].cue.startMs - gap)
      expect(out.ms).toBeGreaterThan(rows[i + 1].cue.startMs - gap - frame)
    }
    const inn = planEdge(rows, i + 1, 'in', rows[i].cue.startMs, preset, [])
    expect(inn).toMatchObject({ ok: true, clamped: 'neighbour' })
    if (inn.ok) {
      expect(inn.ms).toBeGreaterThanOrEqual(rows[i].cue.endMs + gap)
      expect(inn.ms).toBeLessThan(rows[i].cue.endMs + gap + frame)
    }
    // An in-time dragged past the cue's own end keeps a frame of cue.
    const past = planEdge(rows, i, 'in', rows[i].cue.endMs + 5000, preset, [])
    expect(past.ok && past.ms).toBeLessThanOrEqual(rows[i].cue.endMs - frame + 0.5)
    // A cue shorter than the nudge's reach: its own end is what holds the in-time.
    const short = rows.findIndex((r, k) => k > 0 && r.durationMs < 1800)
    expect(planEdge(rows, short, 'in', rows[short].cue.endMs + 5000, preset, [])).toMatchObject({ ok: true, clamped: 'self' })
  })

  it('moves an edge at most 2 s from where the words put it', () => {
    // The last cue has nothing after it: only the nudge's own limit holds it.
    const last = rows.length - 1
    const plan = planEdge(rows, last, 'out', rows[last].cue.endMs + 10_000, preset, [])
    expect(plan).toMatchObject({ ok: true, clamped: 'nudge' })
    if (plan.ok) {
      expect(plan.deltaMs).toBeLessThanOrEqual(2000)
      expect(plan.ms - rows[last].cue.endMs).toBeLessThanOrEqual(2000)
      expect(plan.ms - rows[last].cue.endMs).toBeGreaterThan(2000 - frame)
    }
    // ...and not past the end of the recording when its length is known.
    const bounded = planEdge(rows, last, 'out', rows[last].cue.endMs + 10_000, preset, [], rows[last].cue.endMs + 500)
    expect(bounded.ok && bounded.ms).toBeLessThanOrEqual(rows[last].cue.endMs + 500)
  })

  it('a second drag of the same edge replaces the nudge (counted from the cutter\'s time, not added up)', () => {
    const i = 3
    const first = dragAndCut(interview, preset, i, 'out', rows[i].cue.endMs - 200)
    expect(first.plan.ok).toBe(true)
    if (!first.plan.ok || first.deltaMs === undefined) return
    const once = addCueDecision(interview, { kind: 'nudge', edge: 'out', wordId: first.plan.wordId, deltaMs: first.deltaMs })
    const second = dragAndCut(once, preset, i, 'out', rows[i].cue.endMs - 400)
    expect(second.plan.ok && second.plan.old?.deltaMs).toBe(first.deltaMs)
    expect(second.landed).toBe(second.plan.ok ? second.plan.ms : NaN)
    const model2 = addCueDecision(once, { kind: 'nudge', edge: 'out', wordId: first.plan.wordId, deltaMs: second.deltaMs! })
    expect(model2.cueDecisions?.filter((d) => d.kind === 'nudge')).toHaveLength(1)
  })

  it('refuses a locked cue, and a cue with no words', () => {
    const r = rows[2]
    const lock: CueDecision = { id: 'd1', kind: 'lock', fromWordId: r.words[0].id, toWordId: r.words.at(-1)!.id, startMs: r.cue.startMs, endMs: r.cue.endMs }
    expect(planEdge(rows, 2, 'out', r.cue.endMs + 100, preset, [lock])).toEqual({ ok: false, reason: 'locked' })
    expect(planEdge(rows, rows.length + 3, 'out', 0, preset, [])).toEqual({ ok: false, reason: 'no-cue' })
  })

  it('settles the nudge where the cutter had chained the edge across a short gap (unsettled it lands elsewhere)', () => {
    // Two speakers (a new cue each under bbc) 300 ms apart: the first cue is chained up to the second.
    const model = makeModel([
      ['A', paced('Hello there my friend.', 1000)],
      ['B', paced('How are you today?', 2700)]
    ])
    const bbc = resolvePreset('bbc')
    const b = setup(model, bbc)
    const bGap = frameToMs(bbc.minGapFrames, bbc.frameRate)
    expect(b.rows).toHaveLength(2)
    expect(b.rows[0].cue.endMs).toBe(b.rows[1].cue.startMs - bGap)
    const target = b.rows[0].cue.endMs - 160
    const settled = dragAndCut(model, bbc, 0, 'out', target)
    expect(settled.plan.ok).toBe(true)
    expect(settled.landed).toBe(settled.plan.ok ? settled.plan.ms : NaN)
    // The nudge counted from the edge as shown (no trial cut) puts it elsewhere.
    const raw = dragAndCut(model, bbc, 0, 'out', target, false)
    expect(raw.landed).not.toBe(settled.landed)
  })
})
