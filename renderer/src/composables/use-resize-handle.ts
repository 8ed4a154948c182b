import { computed, ref } from 'vue'
import type { Ref } from 'vue'

/*
 * A resize handle that works by keyboard as well as by pointer (the document pane's splitter,
 * the video player's corner): a focusable element with role="separator" whose value is kept
 * between limits, moved by the arrow keys (Page Up/Down: larger steps, Home/End: the limits) or
 * by a drag, and remembered in localStorage once a key or a drag ends.
 */

/** What a handle resizes and how. */
export interface ResizeHandleOptions {
  /** The smallest and largest value (a getter when the window's size decides it). */
  readonly min: number | (() => number)
  readonly max: number | (() => number)
  /** The value when nothing valid is remembered. */
  readonly initial: number
  /** One arrow key's step; Page Up/Down move `largeStep` (default five steps). */
  readonly step: number
  readonly largeStep?: number
  /** Where the value is remembered (none when absent). */
  readonly storageKey?: string
  /** The arrow keys that make the value larger; the opposite arrows make it smaller. */
  readonly increaseKeys: readonly ('ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown')[]
  /** Values are rounded to this many decimals (shares: 3; pixels: 0). */
  readonly decimals?: number
  /**
   * The value for the pointer at `event` during a drag that began at `start` (client
   * coordinates, the value then, and what `measure` returned then).
   */
  readonly fromPointer: (event: PointerEvent, start: { x: number; y: number; value: number; measure: number }) => number
  /** Read once when a drag begins (a size to scale by), so a move reads no layout. */
  readonly measure?: () => number
}

const opposite = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft', ArrowUp: 'ArrowDown', ArrowDown: 'ArrowUp' } as const

function read(limit: number | (() => number)): number {
  return typeof limit === 'function' ? limit() : limit
}

/** The handle's value and its keyboard and pointer handlers. */
export function useResizeHandle(options: ResizeHandleOptions) {
  const factor = 10 ** (options.decimals ?? 0)
  /** Bumped when the limits may have changed (the window was resized), so `max` is read again. */
  const limitsVersion = ref(0)
  const min = computed(() => (limitsVersion.value, read(options.min)))
  const max = computed(() => (limitsVersion.value, Math.max(read(options.min), read(options.max))))

  function clamp(v: number): number {
    return Math.min(max.value, Math.max(min.value, Math.round(v * factor) / factor))
  }

  function load(): number {
    if (!options.storageKey || typeof localStorage === 'undefined') return clamp(options.initial)
    const raw = localStorage.getItem(options.storageKey)
    const saved = raw === null ? NaN : Number(raw)
    return Number.isFinite(saved) && saved >= read(options.min) && saved <= read(options.max) ? clamp(saved) : clamp(options.initial)
  }

  const value: Ref<number> = ref(load())

  /** Sets the value within the limits (remembered unless `remember` is false, as mid-drag). */
  function set(next: number, remember = true): void {
    value.value = clamp(next)
    if (remember && options.storageKey && typeof localStorage !== 'undefined') localStorage.setItem(options.storageKey, String(value.value))
  }

  /** Reads the limits again (after a window resize) and keeps the value inside them. */
  function refreshLimits(): void {
    limitsVersion.value++
    if (value.value !== clamp(value.value)) set(value.value, false)
  }

  function onKeydown(event: KeyboardEvent): void {
    const large = options.largeStep ?? options.step * 5
    const inc = options.increaseKeys as readonly string[]
    const dec = options.increaseKeys.map((k) => opposite[k]) as readonly string[]
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (inc.includes(event.key)) set(value.value + (event.shiftKey ? large : options.step))
    else if (dec.includes(event.key)) set(value.value - (event.shiftKey ? large : options.step))
    else if (event.key === 'PageUp') set(value.value + large)
    else if (event.key === 'PageDown') set(value.value - large)
    else if (event.key === 'Home') set(min.value)
    else if (event.key === 'End') set(max.value)
    else return
    event.preventDefault()
    // The editor's own arrow keys (next word, next segment) must not run as well.
    event.stopPropagation()
  }

  function onPointerdown(event: PointerEvent): void {
    const el = event.currentTarget as HTMLElement
    if (event.button !== 0) return
    event.preventDefault()
    el.focus({ preventScroll: true })
    el.setPointerCapture?.(event.pointerId)
    const start = { x: event.clientX, y: event.clientY, value: value.value, measure: options.measure?.() ?? 0 }
    const move = (e: PointerEvent): void => set(options.fromPointer(e, start), false)
    const up = (): void => {
      el.removeEventListener('pointermove', move)
      el.removeEventListener('pointerup', up)
      el.removeEventListener('pointercancel', up)
      set(value.value)
    }
    el.addEventListener('pointermove', move)
    el.addEventListener('pointerup', up)
    el.addEventListener('pointercancel', up)
  }

  return { value, min, max, set, refreshLimits, onKeydown, onPointerdown }
}
