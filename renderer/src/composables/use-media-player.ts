import { onBeforeUnmount, watch } from 'vue'
import type { Ref } from 'vue'
import { usePlaybackStore } from '../stores/playback-store'

/*
 * Owns the <audio>/<video> element's effects: registers the playback store's driver, and
 * reports the element's time back to the store — every animation frame while playing (the
 * `timeupdate` event comes only ~4 times a second, too coarse to follow words), on events when
 * paused. The element's time only ever writes the store; it never triggers a seek (no echo).
 *
 * This loop is the app's one playback clock: a view that must move every frame (the waveform's
 * playhead) is drawn from `onFrame` in the same callback, rather than running a loop of its own
 * that reads the element's time again (wavesurfer's, on a 3-hour recording, cost more than all
 * of the rest of the sync together).
 */

/** Options of useMediaPlayer. */
export interface MediaPlayerOptions {
  /** Called with the element's time on every frame while playing, and on seeks and pauses. */
  onFrame?(ms: number, playing: boolean): void
}

/** Binds a media element ref to the playback store; returns a stop function. */
export function useMediaPlayer(media: Ref<HTMLMediaElement | null>, options: MediaPlayerOptions = {}): { stop(): void } {
  const playback = usePlaybackStore()
  let frame = 0
  let offs: Array<() => void> = []

  const report = (el: HTMLMediaElement): void => {
    const ms = Math.round(el.currentTime * 1000)
    const loop = playback.loop
    if (loop && !el.paused && ms >= loop.endMs) {
      el.currentTime = loop.startMs / 1000
      playback.reportTime(loop.startMs)
      options.onFrame?.(loop.startMs, true)
      return
    }
    if (ms !== playback.timeMs) playback.reportTime(ms)
    options.onFrame?.(ms, !el.paused)
  }

  // One callback for the element being played (no closure allocated per frame).
  let ticking: HTMLMediaElement | null = null
  const tick = (): void => {
    const el = ticking
    if (!el) return
    report(el)
    frame = el.paused ? 0 : requestAnimationFrame(tick)
  }

  function bind(el: HTMLMediaElement): void {
    el.preservesPitch = true
    el.playbackRate = playback.rate
    const on = (type: string, fn: () => void): void => {
      el.addEventListener(type, fn)
      offs.push(() => el.removeEventListener(type, fn))
    }
    on('play', () => {
      playback.reportPlaying(true)
      cancelAnimationFrame(frame)
      ticking = el
      frame = requestAnimationFrame(tick)
    })
    on('pause', () => {
      playback.reportPlaying(false)
      report(el)
    })
    on('ended', () => playback.reportPlaying(false))
    on('seeked', () => report(el))
    on('timeupdate', () => {
      if (el.paused) report(el)
    })
    on('durationchange', () => playback.reportDuration(el.duration * 1000))
    on('loadedmetadata', () => playback.reportDuration(el.duration * 1000))
    playback.attachDriver({
      play: () => void el.play().catch(() => undefined),
      pause: () => el.pause(),
      seek: (ms) => {
        el.currentTime = ms / 1000
        // The playhead moves with the click, not when the element has finished seeking.
        options.onFrame?.(ms, !el.paused)
      },
      setRate: (rate) => {
        el.playbackRate = rate
        el.preservesPitch = true
      }
    })
  }

  function unbind(): void {
    cancelAnimationFrame(frame)
    frame = 0
    ticking = null
    offs.forEach((off) => off())
    offs = []
    playback.attachDriver(null)
    playback.reportPlaying(false)
  }

  const stopWatch = watch(
    media,
    (el) => {
      unbind()
      if (el) bind(el)
    },
    { immediate: true, flush: 'post' }
  )

  const stop = (): void => {
    stopWatch()
    unbind()
  }
  onBeforeUnmount(stop)
  return { stop }
}
