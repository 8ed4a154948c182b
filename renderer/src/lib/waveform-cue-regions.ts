import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js'
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js'
import { idleTask } from './idle-task'
import { cueIndexOfRegion, cueRegionColor, cueRegionId } from './waveform-cues'
import type { CueRegionSpec } from './waveform-cues'

/*
 * The cue view's regions on the waveform (lib/waveform-cues decides which and how they look):
 * one per cue near the view, resized by its edges, with a mark on a cue that breaks a QC rule.
 * A region is reused by cue index, so a re-cut that shifts the cues moves regions rather than
 * making new DOM. Edits are reported on drag end (`region-updated`), like the segment regions.
 *
 * The middle of a cue region cannot be dragged (`drag: false`, and the body lets presses through
 * to the waveform): a cue's times come from its words, and a nudge moves one edge of one cue; a
 * whole-cue move would be two nudges at once and would shift the cue off the speech it shows.
 */

/** What the cue regions report. */
export interface CueRegionCallbacks {
  /**
   * A cue's edge dragged to `mediaMs`. Returns where the edge now is (media ms), or null when
   * the move was refused (the region goes back to the cue's time).
   */
  onCueEdge(spec: CueRegionSpec, edge: 'in' | 'out', mediaMs: number): number | null
  /** A breach mark clicked: select that cue. */
  onCueMark(index: number): void
  /** The text a breach mark says (its tooltip and accessible name). */
  markLabel(spec: CueRegionSpec): string
}

/** The cue regions of one wavesurfer instance. */
export interface CueRegions {
  /** Shows `specs` (null: the cue view is off, no cue regions); only what changed is touched. */
  sync(specs: readonly CueRegionSpec[] | null): void
  /** Forgets every region and subscription (the instance destroys their elements). */
  destroy(): void
}

/**
 * New cue regions made per task: zoomed out to 2 px/s the window of a 2-hour task holds ~450
 * cues (a few DOM nodes and subscriptions each), so the rest come in idle slices, as the
 * segment regions do (lib/waveform-regions), instead of one long task.
 */
const regionsPerSlice = 120

/** A cue region's mark for a QC breach, made on the region's element (not as wavesurfer content, which re-measures every labelled region after each drag). */
function setMark(region: Region, spec: CueRegionSpec, callbacks: CueRegionCallbacks): void {
  const el = region.element
  if (!el) return
  let mark = el.querySelector<HTMLElement>('[data-cue-breach]')
  if (!spec.severity) {
    mark?.remove()
    return
  }
  if (!mark) {
    mark = document.createElement('span')
    mark.setAttribute('part', 'cue-breach')
    mark.setAttribute('role', 'button')
    mark.textContent = '!'
    Object.assign(mark.style, {
      position: 'absolute', top: '0', left: '50%', transform: 'translateX(-50%)', minWidth: '12px', padding: '0 3px', borderRadius: '0 0 3px 3px',
      font: 'bold 10px/14px sans-serif', textAlign: 'center', color: 'var(--cue-mark-fg)', pointerEvents: 'auto', cursor: 'pointer'
    })
    // The mark's own click: it selects the cue, and must not reach the waveform as a seek.
    mark.addEventListener('click', (event) => {
      event.stopPropagation()
      callbacks.onCueMark(Number(mark?.getAttribute('data-cue-breach')))
    })
    mark.addEventListener('pointerdown', (event) => event.stopPropagation())
    el.appendChild(mark)
  }
  const label = callbacks.markLabel(spec)
  mark.setAttribute('data-cue-breach', String(spec.index))
  mark.setAttribute('data-severity', spec.severity)
  mark.style.background = spec.severity === 'hard' ? 'var(--danger)' : 'var(--warn)'
  mark.title = label
  mark.setAttribute('aria-label', label)
}

/** Puts the cue regions on `regions` and reports their edges' drags. */
export function createCueRegions(regions: RegionsPlugin, callbacks: CueRegionCallbacks): CueRegions {
  const shown = new Map<number, { region: Region; spec: CueRegionSpec }>()
  const unsubscribes: Array<() => void> = []
  const slice = idleTask(100)
  let latest: readonly CueRegionSpec[] | null = null

  function place(region: Region, spec: CueRegionSpec): void {
    region.setOptions({ start: spec.startMs / 1000, end: Math.max(spec.endMs, spec.startMs + 1) / 1000, color: cueRegionColor(spec.severity) })
  }

  function decorate(region: Region, spec: CueRegionSpec): void {
    const el = region.element
    if (!el) return
    el.setAttribute('data-cue-index', String(spec.index))
    el.setAttribute('data-severity', spec.severity ?? 'fine')
    // The current cue: an outline in the accent colour, inside the region (neighbours are a gap apart).
    el.style.boxShadow = spec.selected ? 'inset 0 0 0 2px var(--accent)' : 'none'
    if (spec.selected) el.setAttribute('data-selected', '')
    else el.removeAttribute('data-selected')
    setMark(region, spec, callbacks)
  }

  unsubscribes.push(
    regions.on('region-updated', (region, side) => {
      const index = cueIndexOfRegion(region.id)
      const entry = shown.get(index)
      if (index < 0 || !entry || entry.region !== region) return
      const edge = side === 'start' ? 'in' : 'out'
      const ms = Math.round((edge === 'in' ? region.start : region.end) * 1000)
      const landed = callbacks.onCueEdge(entry.spec, edge, ms)
      // Refused: back where the cue is. Taken: where the decision put it, until the rows follow.
      if (landed === null) place(region, entry.spec)
      else region.setOptions(edge === 'in' ? { start: landed / 1000 } : { end: landed / 1000 })
    })
  )

  function sync(specs: readonly CueRegionSpec[] | null): void {
    latest = specs
    const keep = new Set<number>()
    let created = 0
    let more = false
    for (const spec of specs ?? []) {
      keep.add(spec.index)
      const had = shown.get(spec.index)
      if (!had) {
        if (created >= regionsPerSlice) {
          more = true
          continue
        }
        created++
        const region = regions.addRegion({ id: cueRegionId(spec.index), start: spec.startMs / 1000, end: Math.max(spec.endMs, spec.startMs + 1) / 1000, color: cueRegionColor(spec.severity), drag: false, resize: true, minLength: 0.02 })
        const el = region.element
        if (el) {
          // Only the edges (and the breach mark) take the pointer; a press on the body seeks or selects as on bare waveform.
          el.style.pointerEvents = 'none'
          el.querySelectorAll<HTMLElement>('[part~="region-handle"]').forEach((h) => {
            h.style.pointerEvents = 'auto'
            h.style.borderColor = 'var(--cue-edge)'
          })
        }
        decorate(region, spec)
        shown.set(spec.index, { region, spec })
        continue
      }
      const old = had.spec
      if (old.startMs !== spec.startMs || old.endMs !== spec.endMs || old.severity !== spec.severity) place(had.region, spec)
      // Anything else (a figure in the breach's label changes with the times too): the marks and outline again.
      if (old !== spec) decorate(had.region, spec)
      had.spec = spec
    }
    for (const [index, { region }] of shown) {
      if (keep.has(index)) continue
      region.remove()
      shown.delete(index)
    }
    // The rest of the window in the next idle period, from the latest cues.
    if (more) slice.schedule(() => sync(latest))
  }

  function destroy(): void {
    slice.cancel()
    latest = null
    unsubscribes.forEach((off) => off())
    unsubscribes.length = 0
    shown.clear()
  }

  return { sync, destroy }
}
