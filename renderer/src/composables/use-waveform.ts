import { onBeforeUnmount, shallowRef } from 'vue'
import type { Ref } from 'vue'
import WaveSurfer from 'wavesurfer.js'
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js'
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js'
import type { TranscriptModel } from '../../../shared/transcript'
import { formatClock } from '../../../shared/time'
import { followScroll } from '../lib/playhead-follow'
import { TimeRulerPlugin } from '../lib/time-ruler'
import { idleTask } from '../lib/idle-task'
import { emptyView, noRegionWindow, playheadAt, regionWindowOf, revealScrollTime, zoomStep } from '../lib/waveform-geometry'
import { mainWaveColors, regionColors, waveColors } from '../lib/waveform-colors'
import { createWaveformRegions } from '../lib/waveform-regions'
import type { RegionCallbacks, WaveformRegions } from '../lib/waveform-regions'
import type { PeakChannels, PeaksView } from '../lib/peaks-loader'
import { createCueRegions } from '../lib/waveform-cue-regions'
import type { CueRegionCallbacks, CueRegions } from '../lib/waveform-cue-regions'
import { cueRegionsIn } from '../lib/waveform-cues'
import type { CueRow } from '../lib/cue-rows'

/*
 * Owns the wavesurfer instance (docs/architecture.md#the-renderers-conventions): created with
 * precomputed peaks and the duration, so nothing is decoded in the renderer; every subscription is
 * collected and undone on destroy. Segment regions are resized by their edges and commit on drag
 * end (`region-updated`, habit 8); annotations live in their own lane at the bottom of the wave.
 *
 * The waveform is a view of the player's clock, not a second clock: wavesurfer is not given the
 * media element (its own stays silent), so its per-frame timer never runs; the media player's
 * frame loop calls `renderTime`. That moves the playhead only when it has moved a pixel, and
 * follows playback by pages (lib/playhead-follow) from geometry cached on scroll, zoom and
 * resize, so a frame reads no layout. Wavesurfer's own auto-scroll re-centred the view every
 * frame: a forced layout per frame (it reads the scroll width right after writing the progress
 * styles) plus a scroll event whose handlers (timeline notches, lazy canvases, region
 * visibility, the overview's box) ran every frame too.
 *
 * The playhead is our own line on its own compositor layer, moved by a transform: a frame
 * changes no layout and repaints nothing. Wavesurfer's cursor and played-part colour (clip-path
 * and width changes on a waveform tens of thousands of pixels wide) cost a layout, a repaint of
 * the visible canvases and, with the pointer over the window, a hover hit test every frame; so
 * the main waveform shows no played part (as audio editors don't), and the overview does.
 */

/** What the composable reports back: edits are the store's business, not the waveform's. */
export interface WaveformCallbacks extends RegionCallbacks {
  /** A click on the waveform or the overview: a user seek to `ms`. */
  onSeek(ms: number): void
  /** The view scrolled, zoomed or resized (the peaks loader decides whether finer peaks are needed). */
  onView?(): void
  /** The cue view's regions: a dragged cue edge, a clicked breach mark (lib/waveform-cue-regions). */
  cue?: CueRegionCallbacks
}

/** What the waveform shows of the cue view while it is on: the rows, the preset's programme offset and the current cue. */
export interface CueWaveState {
  readonly rows: readonly CueRow[]
  readonly offsetMs: number
  readonly selected: number
}

/** Zoom levels in pixels per second. */
export const zoomLevels: readonly number[] = [2, 5, 10, 20, 40, 80, 150, 300, 600]

/** The waveform's height and the time ruler's under it (px): the wrapper holds both. */
const waveHeight = 88
const timelineHeight = 16
/**
 * The annotation lane: a band along the bottom of the wave, in pixels of the wave (not a share
 * of the wrapper, which also holds the ruler: 78%..100% of it covered the ruler's labels).
 */
const annotationLane = { top: waveHeight - 20, height: 19 } as const

/** The playhead line: inside wavesurfer's scrolling wrapper, above the regions, moved by transform only. */
function createPlayhead(w: WaveSurfer, color: string): HTMLElement {
  const el = document.createElement('div')
  el.setAttribute('part', 'playhead')
  el.setAttribute('data-playhead', '')
  Object.assign(el.style, {
    position: 'absolute',
    top: '0',
    left: '-1px',
    width: '2px',
    height: '100%',
    zIndex: '10',
    pointerEvents: 'none',
    background: color,
    willChange: 'transform'
  })
  w.getWrapper().appendChild(el)
  return el
}

/** Creates and manages the waveform inside `container`. */
export function useWaveform(container: Ref<HTMLElement | null>, overview: Ref<HTMLElement | null>, callbacks: WaveformCallbacks) {
  const ws = shallowRef<WaveSurfer | null>(null)
  const ready = shallowRef(false)
  const zoomIndex = shallowRef(4)
  let layer: WaveformRegions | null = null
  let cueLayer: CueRegions | null = null
  /** The cue view's state while it is on (its cues replace the segments as regions), else null. */
  let cueState: CueWaveState | null = null
  let unsubscribes: Array<() => void> = []
  let lastModel: TranscriptModel | null = null
  let loopRange: { startMs: number; endMs: number } | null = null
  /**
   * The overview (wavesurfer's minimap: a second wavesurfer drawing the whole recording from all
   * the peaks) in the first idle period after the waveform is ready, not in the same task: on a
   * cached 3-hour recording it took ~90 ms (a buffer of 2 × 1M peaks and a line through all of
   * them) of the ~370 ms before the waveform and its regions could paint.
   */
  const overviewIdle = idleTask(300)
  /** The time window (s) whose segments have regions: the view and one view's width either side. */
  let regionWindow = noRegionWindow
  /** The view's geometry in CSS pixels, read when it changes (scroll, zoom, resize, redraw) so that a frame never reads layout. */
  const view = emptyView()
  /** The playhead as last drawn (device pixels in the waveform and in the overview), and the latest time. */
  let drawnPx = -1
  let drawnOverviewPx = -1
  let lastMs = 0
  let playhead: HTMLElement | null = null

  function measureView(): void {
    const w = ws.value
    if (!w || !ready.value) return
    view.duration = w.getDuration()
    view.width = w.getWidth()
    view.left = w.getScroll()
    view.total = Math.max(view.width, w.getWrapper().clientWidth)
    view.overview = overview.value?.clientWidth ?? 0
    // Redraws (zoom, resize, recolour) reset what was drawn.
    drawnPx = -1
    drawnOverviewPx = -1
  }

  /**
   * Draws the playhead at `ms` (the media player's clock, every frame while playing). Only a
   * move of a whole device pixel is drawn: at the default 40 px/s that is most frames, zoomed
   * out far fewer; the overview (a whole recording in ~1000 px) redraws every few seconds.
   * While playing, the view turns a page when the playhead leaves it.
   */
  function renderTime(ms: number, playing: boolean): void {
    lastMs = ms
    const w = ws.value
    if (!w || !ready.value) return
    const dpr = window.devicePixelRatio || 1
    const at = playheadAt(ms, view, dpr)
    if (!at) return
    if (at.px !== drawnPx && playhead) {
      drawnPx = at.px
      playhead.style.transform = `translateX(${at.px / dpr}px)`
    }
    if (at.overviewPx !== drawnOverviewPx) {
      // The overview follows the waveform's time (its timeupdate); on the waveform itself
      // that draws only wavesurfer's hidden progress, which keeps zoom anchored near the playhead.
      drawnOverviewPx = at.overviewPx
      w.setTime(at.progress * view.duration)
    }
    const left = playing ? followScroll(at.x, view.left, view.width, view.total) : null
    if (left !== null) {
      view.left = left
      w.setScroll(left)
    }
  }

  /** A zoom, resize or redraw: measure again (a new scale or width moves the playhead even while paused). */
  function onViewChanged(): void {
    measureView()
    renderTime(lastMs, false)
    onViewMoved()
    callbacks.onView?.()
  }

  /**
   * A scroll (a page turn, or the reviewer's): its offset comes with the event, so nothing is
   * measured here, where the other scroll handlers (timeline, lazy canvases, regions) have just
   * changed the DOM and a layout read would be forced.
   */
  function onScroll(left: number, right: number): void {
    view.left = left
    view.width = right - left
    onViewMoved()
    callbacks.onView?.()
  }

  /**
   * Only segments near the view get a region: wavesurfer's regions plugin does per-frame work
   * for every region it holds (visibility checks on each scroll, a filter on each timeupdate),
   * so 840 regions on a 2-hour task cost playback more than the rest of the sync together.
   */
  function onViewMoved(): void {
    const next = regionWindowOf(view)
    if (next.key === regionWindow.key) return
    regionWindow = next
    if (lastModel) syncRegions(lastModel)
    if (cueState) syncCues(cueState)
  }

  /** Registers the overview in the next idle period (see overviewIdle). */
  function overviewLater(instance: WaveSurfer, minimap: MinimapPlugin): void {
    overviewIdle.cancel()
    overviewIdle.schedule(() => {
      if (ws.value !== instance) return
      instance.registerPlugin(minimap)
      unsubscribes.push(minimap.on('click', (relativeX) => callbacks.onSeek(Math.round(relativeX * instance.getDuration() * 1000))))
    })
  }

  /** Removes the dragged-out selection (a click elsewhere, or a new task). */
  function clearSelection(): void {
    layer?.clearSelection()
  }

  /**
   * Builds wavesurfer with the given peaks; replaces any previous instance. Without peaks (a
   * format main cannot decode) wavesurfer fetches and decodes `url` itself: the caller allows
   * that only for small files. The caller's media element plays; wavesurfer only draws.
   */
  function create(url: string, peaks: PeakChannels | null, durationMs: number | null): void {
    destroy()
    const el = container.value
    if (!el) return
    const c = waveColors(el)
    const regionColours = regionColors(el)
    const regions = RegionsPlugin.create()
    const plugins = [
      regions,
      // The time ruler: notches near the view only (lib/time-ruler; wavesurfer's Timeline made one per second of the recording).
      TimeRulerPlugin.create({ height: timelineHeight, formatTimeCallback: (s: number) => formatClock(s * 1000), style: { fontSize: '10px', color: regionColours.ruler } })
    ]
    const minimap = overview.value
      ? MinimapPlugin.create({
          container: overview.value,
          height: 22,
          waveColor: c.waveColor,
          progressColor: c.progressColor,
          overlayColor: 'rgba(127, 127, 127, 0.22)',
          interact: true
        })
      : null
    // The overview is registered once the waveform is ready and the browser is idle (see overviewLater).
    let overviewAsked = false
    const instance = WaveSurfer.create({
      container: el,
      // No `media`: wavesurfer's own element stays silent and its frame timer never starts.
      ...(peaks && durationMs ? { peaks, duration: durationMs / 1000 } : { url }),
      height: waveHeight,
      ...mainWaveColors(el),
      cursorWidth: 0,
      barWidth: 0,
      normalize: true,
      minPxPerSec: zoomLevels[zoomIndex.value],
      // Following playback is renderTime's (by pages, from cached geometry).
      autoScroll: false,
      autoCenter: false,
      dragToSeek: false,
      plugins
    })
    ws.value = instance
    // Regions (segments, annotations, the selection and the loop) belong to the wave, not to the
    // time ruler under it: their container stops where the ruler begins, at every zoom level.
    const regionsContainer = instance.getWrapper().querySelector<HTMLElement>('[part~="regions-container"]')
    if (regionsContainer) regionsContainer.style.height = `${waveHeight}px`
    playhead = createPlayhead(instance, c.cursorColor)
    unsubscribes.push(instance.on('scroll', (_start, _end, left, right) => onScroll(left, right)))
    unsubscribes.push(instance.on('zoom', onViewChanged))
    unsubscribes.push(instance.on('resize', onViewChanged))
    unsubscribes.push(instance.on('redrawcomplete', onViewChanged))
    unsubscribes.push(instance.on('ready', () => {
      ready.value = true
      measureView()
      regionWindow = regionWindowOf(view)
      renderTime(lastMs, false)
      if (lastModel) syncRegions(lastModel)
      syncCues(cueState)
      if (loopRange) setLoop(loopRange)
      // Once per instance (a second 'ready' must not register it, or its click, twice).
      if (minimap && !overviewAsked) {
        overviewAsked = true
        overviewLater(instance, minimap)
      }
    }))
    // A click on the waveform (or the overview) moves wavesurfer's silent element: the player is moved by a user seek.
    unsubscribes.push(instance.on('interaction', (seconds) => callbacks.onSeek(Math.round(seconds * 1000))))
    // Segments, annotations, the dragged-out selection and the loop (lib/waveform-regions).
    layer = createWaveformRegions(regions, { host: el, colors: regionColours, annotationLane }, callbacks)
    layer.hideSegments(cueState !== null)
    if (callbacks.cue) cueLayer = createCueRegions(regions, callbacks.cue)
    unsubscribes.push(instance.on('interaction', () => clearSelection()))
    // Ctrl/Cmd + wheel zooms; a plain wheel scrolls as usual.
    const onWheel = (event: WheelEvent): void => {
      if (!event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      zoomBy(event.deltaY < 0 ? 1 : -1)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    unsubscribes.push(() => el.removeEventListener('wheel', onWheel))
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    const recolour = (): void => {
      if (!ws.value || !container.value) return
      const next = mainWaveColors(container.value)
      ws.value.setOptions(next)
      if (playhead) playhead.style.background = next.cursorColor
    }
    scheme.addEventListener('change', recolour)
    unsubscribes.push(() => scheme.removeEventListener('change', recolour))
  }

  /** Makes the regions match the model's segments and annotations (only what changed is touched). */
  function syncRegions(model: TranscriptModel, force = false): void {
    lastModel = model
    if (!layer || !ready.value) return
    layer.sync(model, regionWindow, force)
  }

  /**
   * Shows the cue view's cues as the regions (only those in the region window: a 2-hour task has
   * ~2,000), or the segments again when `state` is null (the view is off).
   */
  function syncCues(state: CueWaveState | null): void {
    const toggled = (state === null) !== (cueState === null)
    cueState = state
    if (!layer || !ready.value) return
    layer.hideSegments(state !== null)
    if (toggled && lastModel) layer.sync(lastModel, regionWindow)
    cueLayer?.sync(state ? cueRegionsIn(state.rows, regionWindow, state.offsetMs, state.selected) : null)
  }

  /** Draws the range being looped as its own region (none when `range` is null); clicks pass through it. */
  function setLoop(range: { startMs: number; endMs: number } | null): void {
    loopRange = range
    layer?.setLoop(ready.value ? range : null)
  }

  /**
   * Brings `ms` into view after a user seek while paused (wavesurfer scrolls by itself only
   * while playing): centred when it was off screen, untouched when already visible.
   */
  function reveal(ms: number): void {
    const w = ws.value
    if (!w || !ready.value) return
    const start = revealScrollTime(ms, view)
    if (start !== null) w.setScrollTime(start)
  }

  /** Zooms one level in (1) or out (-1). */
  function zoomBy(step: 1 | -1): void {
    const next = zoomStep(zoomIndex.value, step, zoomLevels.length)
    zoomIndex.value = next
    const w = ws.value
    if (!w || !ready.value) return
    // Wavesurfer keeps its progress edge in place across a zoom: put that edge at the playhead.
    if (view.duration) w.getRenderer().renderProgress(Math.min(1, lastMs / 1000 / view.duration), false)
    w.zoom(zoomLevels[next])
  }

  /**
   * Draws new peaks of the same recording (progress of a decode, or finer peaks for the view).
   * `load` with the peaks, not `setOptions({ peaks })`: in wavesurfer 7.12 setOptions keeps
   * drawing the renderer's old data (its reRender reuses it); load renders the new data and
   * tells the overview (the minimap redraws on 'decode').
   */
  function showPeaks(peaks: PeakChannels, durationMs: number): void {
    const w = ws.value
    if (!w) return
    void w.load('', peaks, durationMs / 1000).catch(() => undefined)
  }

  /** What the view shows now (seconds and zoom), from the cached geometry; null before the first draw. */
  function currentView(): PeaksView | null {
    if (!ws.value || !ready.value || !view.duration || !view.total) return null
    const pxPerSec = view.total / view.duration
    return { startS: view.left / pxPerSec, endS: (view.left + view.width) / pxPerSec, pxPerSec, pixelRatio: window.devicePixelRatio || 1 }
  }

  /** Tears the instance down and forgets every subscription and region. */
  function destroy(): void {
    overviewIdle.cancel()
    regionWindow = noRegionWindow
    Object.assign(view, emptyView())
    drawnPx = -1
    drawnOverviewPx = -1
    playhead = null
    container.value?.removeAttribute('data-segment-regions')
    unsubscribes.forEach((off) => off())
    unsubscribes = []
    layer?.destroy()
    layer = null
    cueLayer?.destroy()
    cueLayer = null
    ready.value = false
    ws.value?.destroy()
    ws.value = null
  }

  onBeforeUnmount(destroy)
  return { ws, ready, zoomIndex, create, showPeaks, currentView, renderTime, syncRegions, syncCues, setLoop, zoomBy, reveal, clearSelection, destroy }
}
