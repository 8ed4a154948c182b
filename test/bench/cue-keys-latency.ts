import type { Page } from '@playwright/test'
import { clockOffset, eventLatencies, latencyCategories, matchKeys } from './event-latency'
import type { KeyLatency, LatencyTraceEvent } from './event-latency'
import type { Figures } from './stats'

/*
 * The cue-view-keys bench's keys split by Chromium's own EventLatency breakdown (event-latency.ts):
 * each round runs under a light trace (input, benchmark, latency categories), and each key the
 * probe timed gets its EventLatency — from the key's creation to the presentation of the frame that
 * shows it — as its total, the wait for the frame clock and the rest. Beside them the cross-checks
 * against the probe's rAF-based figure and the Event Timing API, where they overlap.
 */

/** What the probe keeps of a keydown's Event Timing entry (ms; only keys of 16 ms or more get one). */
export interface EventTiming { duration: number; inputDelay: number; processing: number }

/** A probed key with what the trace and Event Timing add. */
export interface LatencyKey { readonly key: string; readonly at: number; readonly toPaint: number; latency?: KeyLatency; timing?: EventTiming | null }

/**
 * Runs `fn` (a round of keys) under a trace and gives each key of `keys()` that it added its
 * EventLatency. The trace starts a moment before the keys: starting it stalls the page briefly.
 */
export async function underLatencyTrace(page: Page, keys: () => LatencyKey[], fn: () => Promise<void>): Promise<void> {
  const browser = page.context().browser()!
  const before = new Set(keys())
  await browser.startTracing(page, { categories: latencyCategories })
  await page.waitForTimeout(300)
  const markAt = await page.evaluate(() => performance.mark('sdte-bench:latency').startTime)
  await fn()
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: LatencyTraceEvent[] }).traceEvents
  const fresh = keys().filter((k) => !before.has(k))
  for (const { key, latency } of matchKeys(fresh, eventLatencies(events), clockOffset(events, 'sdte-bench:latency', markAt))) key.latency = latency
}

type Stats = (values: readonly number[]) => { value: number; unit: string; median: number; p95: number; runs: number; min: number; max: number }

/** The EventLatency figures of one build's keys (letters, Enter, and the floor's letters). */
export function latencyFigures(label: string, keys: readonly LatencyKey[], floor: readonly LatencyKey[], stats: Stats): Figures {
  const p = `cue view 2h ${label}: EventLatency`
  const traced = keys.filter((k) => k.latency)
  const groups = { 'every key': traced, letters: traced.filter((k) => k.key !== 'Enter'), Enter: traced.filter((k) => k.key === 'Enter'), 'floor letters': floor.filter((k) => k.latency) }
  const figures: Figures = {
    [`${p}, keys matched to their EventLatency (count)`]: { value: traced.length, unit: 'keys', runs: keys.length },
    [`${p}, floor letters matched (count)`]: { value: groups['floor letters'].length, unit: 'keys', runs: floor.length }
  }
  const of = (ks: readonly LatencyKey[], part: keyof Omit<KeyLatency, 'path'>): number[] => ks.map((k) => k.latency![part])
  for (const [name, ks] of Object.entries(groups)) {
    if (!ks.length) continue
    figures[`${p}, ${name}: total, created → presented (Chromium's own)`] = { ...stats(of(ks, 'total')), target: 16 }
    figures[`${p}, ${name}: the frame clock's wait (RendererMainFinishedToBeginImplFrame)`] = stats(of(ks, 'wait'))
    figures[`${p}, ${name}: the rest (total less the wait: handlers, frame, raster, draw)`] = { ...stats(of(ks, 'rest')), target: 16 }
    figures[`${p}, ${name}: its parts — to the main thread (Generation…RendererCompositorToMain)`] = stats(of(ks, 'delivery'))
    figures[`${p}, ${name}: its parts — handlers (RendererMainProcessing)`] = stats(of(ks, 'handlers'))
    figures[`${p}, ${name}: its parts — the frame's main-thread work (→ Commit; waits for a frame in the pipeline too)`] = stats(of(ks, 'mainFrame'))
    figures[`${p}, ${name}: its parts — commit, raster, activation → submit`] = stats(of(ks, 'toSubmit'))
    figures[`${p}, ${name}: its parts — display compositor, submit → presented`] = stats(of(ks, 'display'))
    // The other ways into the frame (→SendBeginMainFrame, →Commit): the frame had begun before the handlers ended.
    figures[`${p}, ${name}: handlers ended after their frame had begun (no clock wait; count)`] = { value: ks.filter((k) => k.latency!.path === '→SendBeginMainFrame' || k.latency!.path === '→Commit').length, unit: 'keys', runs: ks.length }
  }
  // Cross-checks where the figures overlap. The probe spans the handlers' start → the task after the
  // frame's commit; Event Timing's duration spans creation → presentation in 8 ms steps, its
  // processing the keydown's listeners only (RendererMainProcessing adds the keypress, the editing
  // and the input event), its input delay creation → the listeners.
  const both = traced.filter((k) => k.timing)
  figures[`${p} cross-check: probe key-to-paint − EventLatency handlers → commit`] = stats(traced.filter((k) => Number.isFinite(k.latency!.toCommit)).map((k) => k.toPaint - k.latency!.toCommit))
  if (both.length) {
    figures[`${p} cross-check: Event Timing duration − EventLatency total (keys ≥ 16 ms)`] = stats(both.map((k) => k.timing!.duration - k.latency!.total))
    figures[`${p} cross-check: Event Timing input delay − EventLatency to the main thread`] = stats(both.map((k) => k.timing!.inputDelay - k.latency!.delivery))
    figures[`${p} cross-check: EventLatency handlers − Event Timing keydown processing`] = stats(both.map((k) => k.latency!.handlers - k.timing!.processing))
  }
  return figures
}
