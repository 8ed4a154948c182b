import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js'
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js'
import type { TranscriptModel } from '../../../shared/transcript'
import { speakerRegionColor } from './speaker-colors'
import { idleTask } from './idle-task'
import { inRegionWindow } from './waveform-geometry'
import type { RegionWindow } from './waveform-geometry'
import type { RegionColors } from './waveform-colors'
import { t } from '../i18n'

/*
 * The regions on the waveform: one per segment near the view (resized by its edges), one per
 * annotation in its lane along the bottom of the wave, the range dragged out (the selection)
 * and the looped range. Edits are reported on drag end (`region-updated`,
 * docs/architecture.md#the-renderers-conventions) and the regions then show the model again,
 * whatever the store made of the edit.
 */

/** What the regions report: edits are the store's business. */
export interface RegionCallbacks {
  onSegmentEdge(segmentId: string, edge: 'start' | 'end', ms: number): void
  onAnnotationMoved(id: string, startMs: number, endMs: number): void
  /** A range dragged out on the waveform (null when it is cleared). */
  onSelection(range: { startMs: number; endMs: number } | null): void
}

/** Where the regions live and what they look like. */
export interface RegionLayerOptions {
  /** Gets `data-segment-regions` (how many segment regions the window has) once all exist. */
  readonly host: HTMLElement
  readonly colors: RegionColors
  /** The annotation lane, in pixels of the wave. */
  readonly annotationLane: { readonly top: number; readonly height: number }
}

/** The regions layer of one wavesurfer instance. */
export interface WaveformRegions {
  /** Makes the regions match the model's segments (those in `window`) and annotations; only what changed is touched. */
  sync(model: TranscriptModel, window: RegionWindow, force?: boolean): void
  /** Draws the looped range as its own region (none when `range` is null); clicks pass through it. */
  setLoop(range: { startMs: number; endMs: number } | null): void
  /** Removes the dragged-out selection (a click elsewhere, or a new task). */
  clearSelection(): void
  /** Hides the segment regions (the cue view shows cue regions instead) or shows them again at the next sync. */
  hideSegments(hidden: boolean): void
  /** Undoes every subscription and forgets every region (the instance destroys their elements). */
  destroy(): void
}

const annotationPrefix = 'annotation:'
const selectionId = 'selection'
const loopId = 'loop'
/**
 * Segment regions created per task slice: a 2-hour task has ~840 (each a few DOM nodes in
 * wavesurfer's shadow root), so they are added in idle-time slices rather than one long task
 * that would hold up input and the first frames after the waveform appears.
 */
const regionsPerSlice = 120

const rangeOf = (region: Region) => ({ startMs: Math.round(region.start * 1000), endMs: Math.round(region.end * 1000) })

/** Puts segment, annotation, selection and loop regions on `regions` and reports their edits. */
export function createWaveformRegions(regions: RegionsPlugin, options: RegionLayerOptions, callbacks: RegionCallbacks): WaveformRegions {
  const { host, colors, annotationLane } = options
  const segmentRegions = new Map<string, Region>()
  const annotationRegions = new Map<string, Region>()
  let selectionRegion: Region | null = null
  let loopRegion: Region | null = null
  let last: { model: TranscriptModel; window: RegionWindow } | null = null
  let segmentsHidden = false
  const slice = idleTask(100)
  const unsubscribes: Array<() => void> = []

  // Dragging across the waveform selects a range (for "add annotation for the selection").
  unsubscribes.push(regions.enableDragSelection({ id: selectionId, color: colors.selection, drag: true, resize: true }, 4))
  unsubscribes.push(
    regions.on('region-created', (region) => {
      if (region.id !== selectionId) return
      if (selectionRegion && selectionRegion !== region) selectionRegion.remove()
      selectionRegion = region
      region.element?.setAttribute('data-selection', '')
      callbacks.onSelection(rangeOf(region))
    })
  )
  unsubscribes.push(
    regions.on('region-updated', (region, side) => {
      if (region === selectionRegion) {
        callbacks.onSelection(rangeOf(region))
        return
      }
      if (region.id.startsWith(annotationPrefix)) {
        callbacks.onAnnotationMoved(region.id.slice(annotationPrefix.length), Math.round(region.start * 1000), Math.round(region.end * 1000))
      } else if (segmentRegions.get(region.id) === region) {
        const edge = side ?? 'end'
        callbacks.onSegmentEdge(region.id, edge, Math.round((edge === 'start' ? region.start : region.end) * 1000))
      } else return
      // Whatever the store accepted (it clamps), the regions show the model again.
      if (last) sync(last.model, last.window, true)
    })
  )

  function syncSegments(model: TranscriptModel, window: RegionWindow, force: boolean): void {
    if (segmentsHidden) {
      segmentRegions.forEach((region) => region.remove())
      segmentRegions.clear()
      slice.cancel()
      host.setAttribute('data-segment-regions', '0')
      return
    }
    const speakerIndex = new Map(model.speakers.map((s, i) => [s.id, i]))
    const seen = new Set<string>()
    let created = 0
    let more = false
    for (const seg of model.segments) {
      seen.add(seg.id)
      if (!inRegionWindow(seg.startMs, seg.endMs, window)) {
        const away = segmentRegions.get(seg.id)
        if (away) {
          away.remove()
          segmentRegions.delete(seg.id)
        }
        continue
      }
      const start = seg.startMs / 1000
      const end = seg.endMs / 1000
      const color = speakerRegionColor(speakerIndex.get(seg.speakerId) ?? -1)
      const existing = segmentRegions.get(seg.id)
      if (!existing) {
        if (created >= regionsPerSlice) {
          more = true
          continue
        }
        created++
        const region = regions.addRegion({ id: seg.id, start, end, color, drag: false, resize: true, minLength: 0.02 })
        if (region.element) {
          region.element.setAttribute('data-segment-id', seg.id)
          // Only the edges belong to the region: a press elsewhere reaches the waveform, to seek
          // or to drag out a selection.
          region.element.style.pointerEvents = 'none'
          region.element.querySelectorAll<HTMLElement>('[part~="region-handle"]').forEach((h) => (h.style.pointerEvents = 'auto'))
        }
        segmentRegions.set(seg.id, region)
      } else if (force || existing.start !== start || existing.end !== end || existing.color !== color) {
        existing.setOptions({ start, end, color })
      }
    }
    for (const [id, region] of segmentRegions) {
      if (!seen.has(id)) {
        region.remove()
        segmentRegions.delete(id)
      }
    }
    // The rest of the window in the next idle period, from the latest model and window.
    if (more) slice.schedule(() => last && sync(last.model, last.window))
    // Set once every region of the window exists (wavesurfer keeps only the visible ones in the DOM): for tests and the benchmark.
    else host.setAttribute('data-segment-regions', String(segmentRegions.size))
  }

  function syncAnnotations(model: TranscriptModel, force: boolean): void {
    const seen = new Set<string>()
    for (const a of model.annotations) {
      seen.add(a.id)
      const start = a.startMs / 1000
      const end = Math.max(a.endMs, a.startMs + 1) / 1000
      const existing = annotationRegions.get(a.id)
      if (!existing) {
        const region = regions.addRegion({ id: annotationPrefix + a.id, start, end, color: colors.annotation, drag: true, resize: true })
        // Their own lane: a band along the bottom of the wave, above the time ruler.
        if (region.element) {
          region.element.style.top = `${annotationLane.top}px`
          region.element.style.height = `${annotationLane.height}px`
          region.element.title = a.content
          region.element.setAttribute('data-annotation-id', a.id)
        }
        annotationRegions.set(a.id, region)
      } else {
        if (force || existing.start !== start || existing.end !== end) existing.setOptions({ start, end })
        if (existing.element) existing.element.title = a.content
      }
    }
    for (const [id, region] of annotationRegions) {
      if (!seen.has(id)) {
        region.remove()
        annotationRegions.delete(id)
      }
    }
  }

  function sync(model: TranscriptModel, window: RegionWindow, force = false): void {
    last = { model, window }
    syncSegments(model, window, force)
    syncAnnotations(model, force)
  }

  function setLoop(range: { startMs: number; endMs: number } | null): void {
    if (!range) {
      loopRegion?.remove()
      loopRegion = null
      return
    }
    const start = range.startMs / 1000
    const end = Math.max(range.endMs, range.startMs + 1) / 1000
    if (loopRegion) {
      loopRegion.setOptions({ start, end })
      return
    }
    loopRegion = regions.addRegion({ id: loopId, start, end, color: colors.loop, drag: false, resize: false })
    if (loopRegion.element) {
      loopRegion.element.setAttribute('data-loop', '')
      loopRegion.element.style.pointerEvents = 'none'
      loopRegion.element.style.borderTop = `3px solid ${colors.loopEdge}`
      loopRegion.element.title = t('editorPanels.loopedRange')
    }
  }

  function clearSelection(): void {
    if (!selectionRegion) return
    selectionRegion.remove()
    selectionRegion = null
    callbacks.onSelection(null)
  }

  function hideSegments(hidden: boolean): void {
    segmentsHidden = hidden
  }

  function destroy(): void {
    slice.cancel()
    unsubscribes.forEach((off) => off())
    unsubscribes.length = 0
    segmentRegions.clear()
    annotationRegions.clear()
    if (selectionRegion) callbacks.onSelection(null)
    selectionRegion = null
    loopRegion = null
    last = null
  }

  return { sync, setLoop, clearSelection, hideSegments, destroy }
}
