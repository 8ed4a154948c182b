import { describe, expect, it, vi } from 'vitest'
import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js'
import { createCueRegions } from '../../renderer/src/lib/waveform-cue-regions'
import type { CueRegionCallbacks } from '../../renderer/src/lib/waveform-cue-regions'
import type { CueRegionSpec } from '../../renderer/src/lib/waveform-cues'

/*
 * The cue regions layer (lib/waveform-cue-regions) against a small stand-in for wavesurfer's
 * regions plugin (it draws on canvas and needs real media; the e2e test runs the real one): a
 * wide window made in idle slices, regions reused by cue index, colours and marks following QC,
 * a dragged edge reported as a cue edge, a refused one put back.
 */

interface FakeRegion { id: string; start: number; end: number; color: string; element: HTMLElement; setOptions: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn> }

function fakeRegions() {
  const made: FakeRegion[] = []
  const handlers = new Map<string, (...args: unknown[]) => void>()
  const plugin = {
    on: (event: string, fn: (...args: unknown[]) => void) => (handlers.set(event, fn), () => handlers.delete(event)),
    addRegion: (o: { id: string; start: number; end: number; color: string }) => {
      const element = document.createElement('div')
      const handle = document.createElement('div')
      handle.setAttribute('part', 'region-handle region-handle-right')
      element.appendChild(handle)
      const region: FakeRegion = { ...o, element, remove: vi.fn(), setOptions: vi.fn((p: Partial<FakeRegion>) => Object.assign(region, p)) }
      made.push(region)
      return region
    }
  }
  return { plugin: plugin as unknown as RegionsPlugin, made, handlers }
}

const spec = (index: number, extra: Partial<CueRegionSpec> = {}): CueRegionSpec => ({ index, firstWordId: `w${index}`, startMs: index * 2000, endMs: index * 2000 + 1500, severity: null, selected: false, rules: [], ...extra })

function callbacks(edge: CueRegionCallbacks['onCueEdge'] = () => null): CueRegionCallbacks & { marks: number[] } {
  const marks: number[] = []
  return { marks, onCueEdge: edge, onCueMark: (i) => marks.push(i), markLabel: (s) => `Cue ${s.index + 1}: ${s.rules.join()}` }
}

describe('cue regions on the waveform', () => {
  it('makes a wide window in idle slices, reuses regions by cue, removes those that left the window', async () => {
    const { plugin, made } = fakeRegions()
    const layer = createCueRegions(plugin, callbacks())
    const all = Array.from({ length: 450 }, (_, i) => spec(i))
    layer.sync(all)
    expect(made).toHaveLength(120)
    await vi.waitUntil(() => made.length === 450)
    expect(new Set(made.map((r) => r.id)).size).toBe(450)
    // A re-cut that moved cue 3: its region moves, nothing new is made.
    layer.sync(all.map((s) => (s.index === 3 ? { ...s, endMs: s.endMs - 500 } : s)))
    expect(made).toHaveLength(450)
    expect(made[3].setOptions).toHaveBeenCalledWith(expect.objectContaining({ end: (3 * 2000 + 1000) / 1000 }))
    // The view moved on: the cues that left it are removed.
    layer.sync(all.slice(400))
    expect(made.slice(0, 400).every((r) => r.remove.mock.calls.length === 1)).toBe(true)
    layer.sync(null)
    expect(made.every((r) => r.remove.mock.calls.length === 1)).toBe(true)
    layer.destroy()
  })

  it('colours by QC, outlines the current cue, marks a breach with its text; a click on the mark selects the cue', () => {
    const { plugin, made } = fakeRegions()
    const cb = callbacks()
    const layer = createCueRegions(plugin, cb)
    layer.sync([spec(0), spec(1, { severity: 'soft', rules: ['reading-speed'], selected: true }), spec(2, { severity: 'hard', rules: ['overlap'] })])
    expect(made.map((r) => r.color)).toEqual(['var(--cue-fine)', 'var(--cue-soft)', 'var(--cue-hard)'])
    expect(made[1].element.hasAttribute('data-selected')).toBe(true)
    expect(made[0].element.querySelector('[data-cue-breach]')).toBeNull()
    const mark = made[1].element.querySelector<HTMLElement>('[data-cue-breach]')!
    expect(mark.getAttribute('aria-label')).toBe('Cue 2: reading-speed')
    expect(mark.title).toBe('Cue 2: reading-speed')
    mark.click()
    expect(cb.marks).toEqual([1])
    // The breach fixed: the mark goes, the colour follows.
    layer.sync([spec(0), spec(1, { selected: true }), spec(2, { severity: 'hard', rules: ['overlap'] })])
    expect(made[1].element.querySelector('[data-cue-breach]')).toBeNull()
    expect(made[1].setOptions).toHaveBeenCalledWith(expect.objectContaining({ color: 'var(--cue-fine)' }))
    // Only the edges take the pointer: the body lets presses through to the waveform.
    expect(made[0].element.style.pointerEvents).toBe('none')
    expect((made[0].element.firstChild as HTMLElement).style.pointerEvents).toBe('auto')
    layer.destroy()
  })

  it('reports a dragged edge as the in or out of its cue; a refused drag goes back, a taken one stays where it landed', () => {
    const { plugin, made, handlers } = fakeRegions()
    const seen: Array<[number, string, number]> = []
    let answer: number | null = null
    const layer = createCueRegions(plugin, callbacks((s, edge, ms) => (seen.push([s.index, edge, ms]), answer)))
    layer.sync([spec(0), spec(1)])
    const r = made[1]
    r.end = 3.2
    handlers.get('region-updated')!(r, 'end')
    expect(seen).toEqual([[1, 'out', 3200]])
    expect(r.setOptions).toHaveBeenLastCalledWith(expect.objectContaining({ start: 2, end: 3.5 }))
    answer = 2210
    r.start = 2.2
    handlers.get('region-updated')!(r, 'start')
    expect(seen.at(-1)).toEqual([1, 'in', 2200])
    expect(r.setOptions).toHaveBeenLastCalledWith({ start: 2.21 })
    // Another plugin region (a segment, the selection) is not a cue's.
    handlers.get('region-updated')!({ id: 'seg-1', start: 0, end: 1 }, 'end')
    expect(seen).toHaveLength(2)
    layer.destroy()
  })
})
