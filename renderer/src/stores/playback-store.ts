import { defineStore } from 'pinia'
import { markRaw, ref, watch } from 'vue'

/*
 * Playback state (serialisable) and the user's playback commands. The media element itself is
 * owned by a composable (useMediaPlayer), which registers a driver here. Sync without echo
 * (docs/architecture.md#the-renderers-conventions): the player's time only ever writes `timeMs`
 * (reportTime); only user actions (seek, skip, play) move the player.
 */

/** What the store may ask of the player; provided by the composable that owns the element. */
export interface MediaDriver {
  play(): void
  pause(): void
  seek(ms: number): void
  setRate(rate: number): void
}

/** The localStorage key of the reviewer's playback preferences. */
export const playbackPrefsKey = 'sdte.playback.v1'

interface PlaybackPrefs {
  rate: number
  pauseWhileTyping: boolean
  rewindOnResumeMs: number
}

function loadPrefs(): PlaybackPrefs {
  const defaults: PlaybackPrefs = { rate: 1, pauseWhileTyping: false, rewindOnResumeMs: 0 }
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(playbackPrefsKey)
    const parsed = raw ? (JSON.parse(raw) as Partial<PlaybackPrefs>) : {}
    return {
      rate: typeof parsed.rate === 'number' && parsed.rate >= 0.5 && parsed.rate <= 2 ? parsed.rate : defaults.rate,
      pauseWhileTyping: typeof parsed.pauseWhileTyping === 'boolean' ? parsed.pauseWhileTyping : defaults.pauseWhileTyping,
      rewindOnResumeMs: typeof parsed.rewindOnResumeMs === 'number' && parsed.rewindOnResumeMs >= 0 && parsed.rewindOnResumeMs <= 10_000 ? parsed.rewindOnResumeMs : 0
    }
  } catch {
    return defaults
  }
}

/** With pause-while-typing, playback comes back this long after the last keystroke. */
export const typingResumeDelayMs = 1000

/** Playback rates offered, 0.5×–2×. */
export const playbackRates: readonly number[] = [0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2]

/** The playhead, play state, rate and playback options. */
export const usePlaybackStore = defineStore('playback', () => {
  const timeMs = ref(0)
  const durationMs = ref(0)
  const playing = ref(false)
  const prefs = loadPrefs()
  const rate = ref(prefs.rate)
  const loop = ref<{ startMs: number; endMs: number } | null>(null)
  const pauseWhileTyping = ref(prefs.pauseWhileTyping)
  const rewindOnResumeMs = ref(prefs.rewindOnResumeMs)
  // The reviewer's preferences outlive the task and the session.
  watch([rate, pauseWhileTyping, rewindOnResumeMs], ([r, p, w]) => {
    try {
      localStorage.setItem(playbackPrefsKey, JSON.stringify({ rate: r, pauseWhileTyping: p, rewindOnResumeMs: w }))
    } catch {
      // Storage full or unavailable: the preference lasts for this session only.
    }
  })
  /** Bumped on every user seek, so the transcript can follow even when paused. */
  const seekCount = ref(0)
  let driver: MediaDriver | null = null
  let pausedByTyping = false
  let resumeTimer: ReturnType<typeof setTimeout> | null = null

  function cancelTypingResume(): void {
    pausedByTyping = false
    if (resumeTimer !== null) clearTimeout(resumeTimer)
    resumeTimer = null
  }

  /** Called by the composable that owns the media element (null when it goes away). */
  function attachDriver(next: MediaDriver | null): void {
    driver = next ? markRaw(next) : null
    if (!driver) cancelTypingResume()
    if (driver) driver.setRate(rate.value)
  }

  /** The player's own time (never seeks). */
  function reportTime(ms: number): void {
    timeMs.value = ms
  }

  /** The player's own play state. */
  function reportPlaying(isPlaying: boolean): void {
    playing.value = isPlaying
  }

  /** The recording's duration, from the media element or the peaks. */
  function reportDuration(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) durationMs.value = Math.round(ms)
  }

  /** A user seek: moves the player and the playhead. */
  function seek(ms: number): void {
    const max = durationMs.value > 0 ? durationMs.value : Infinity
    const target = Math.round(Math.min(Math.max(0, ms), max))
    timeMs.value = target
    seekCount.value++
    driver?.seek(target)
  }

  /** Starts playback (rewinding first when the reviewer asked for rewind-on-resume). */
  function play(): void {
    if (rewindOnResumeMs.value > 0 && timeMs.value > 0) seek(timeMs.value - rewindOnResumeMs.value)
    cancelTypingResume()
    driver?.play()
  }

  /** Pauses playback (and any resume that typing had scheduled: the reviewer's pause wins). */
  function pause(): void {
    cancelTypingResume()
    driver?.pause()
  }

  /** Play or pause. */
  function toggle(): void {
    if (playing.value) pause()
    else play()
  }

  /** Skips by `deltaMs` (negative = back). */
  function skip(deltaMs: number): void {
    seek(timeMs.value + deltaMs)
  }

  /** Sets the rate, clamped to 0.5×–2×. */
  function setRate(next: number): void {
    rate.value = Math.min(2, Math.max(0.5, Math.round(next * 100) / 100))
    driver?.setRate(rate.value)
  }

  /** One step slower or faster through `playbackRates`. */
  function stepRate(direction: 1 | -1): void {
    const i = playbackRates.findIndex((r) => r >= rate.value - 1e-9)
    const at = i < 0 ? playbackRates.length - 1 : i
    setRate(playbackRates[Math.min(playbackRates.length - 1, Math.max(0, at + direction))])
  }

  /** Loops [startMs, endMs), or stops looping with null. */
  function setLoop(range: { startMs: number; endMs: number } | null): void {
    loop.value = range
  }

  /**
   * Called on every keystroke in the transcript. With pause-while-typing, the first key pauses
   * playback and it resumes once the reviewer has stopped typing for `typingResumeDelayMs`
   * (rewinding first when rewind-on-resume is set), as transcription players do.
   */
  function noteTyping(): void {
    if (!pauseWhileTyping.value) return
    if (playing.value && !pausedByTyping) {
      driver?.pause()
      pausedByTyping = true
    }
    if (!pausedByTyping) return
    if (resumeTimer !== null) clearTimeout(resumeTimer)
    resumeTimer = setTimeout(() => {
      resumeTimer = null
      if (pausedByTyping && !playing.value) play()
    }, typingResumeDelayMs)
  }

  /** True while playback is paused by typing and will resume when the typing stops. */
  function wasPausedByTyping(): boolean {
    return pausedByTyping
  }

  return {
    timeMs,
    durationMs,
    playing,
    rate,
    loop,
    pauseWhileTyping,
    rewindOnResumeMs,
    seekCount,
    attachDriver,
    reportTime,
    reportPlaying,
    reportDuration,
    seek,
    play,
    pause,
    toggle,
    skip,
    setRate,
    stepRate,
    setLoop,
    noteTyping,
    wasPausedByTyping
  }
})
