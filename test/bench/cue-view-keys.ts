import type { Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startApp, writeTwoHourExport } from './editor'
import { latencyFigures, underLatencyTrace } from './cue-keys-latency'
import type { EventTiming } from './cue-keys-latency'
import type { KeyLatency } from './event-latency'
import type { Figures } from './stats'

/*
 * Key-to-paint in the live cue view on the 2-hour hearing, in Chromium (the built renderer over
 * the real main-process handlers, as test/bench/editor.ts starts it), typed with real keyboard
 * events: a double-click opens a word for editing, four letters replace it, Enter commits it.
 * Each keydown is timed to the frame painted with its change (rAF after the DOM shows it, then
 * setTimeout 0: the frame has been produced): for a letter, the word field holding it; for Enter,
 * the cue row showing the new word (re-cut in the same frame for an edit of a few segments,
 * stores/cue-view-store.ts; in idle time for big ones).
 * The Event Timing API's duration of each keydown (handlers to next paint, 8 ms granularity) is
 * reported beside it, and the store's own re-cut and rows + QC times for each Enter.
 *
 * The floor: after each round the same page gets a plain `<input>` outside the editor and the same
 * number of four-letter words typed into it, timed by the same probe (floorRound). Frames come on
 * a 60 Hz clock: a key waits 0–16.7 ms for one when the compositor is already ticking, so even a
 * key that runs none of our code has a p95 near 16–20 ms here. Each key is also split into
 * keydown → its input event (handlers + the browser's editing), → the first frame (alignment),
 * and the showing frame's rAF → the task after it (style, layout, paint, commit, anything queued
 * ahead); Enter's handlers + Vue flush, its DOM writes in the list and the rows it rendered again.
 *
 * The old way is another build of the renderer (SDTE_BENCH_OLD_RENDERER_DIR, e.g. main's HEAD built
 * in a `git worktree` under .tmp/); both pages stay open and take turns, a round of words each.
 *
 *   SDTE_BENCH_OLD_RENDERER_DIR=.tmp/old-main/out/renderer node --import tsx test/bench/cue-view-keys.ts
 *
 * SDTE_BENCH_RENDERER_DIR      the new build (out/renderer)
 * SDTE_BENCH_OLD_RENDERER_DIR  the old build, interleaved with the new (none: new only)
 * SDTE_BENCH_ROUNDS            rounds per build (5); SDTE_BENCH_WORDS words per round (12)
 * Every key, letters and Enter print median and p95 beside 16 ms (the p95 also as its own row,
 * beside the old build's p95; the floor's p95 is such a row too), the re-cut beside 4 ms.
 *
 * Each round also runs under a light Chromium trace, and every key gets Chromium's own EventLatency
 * breakdown (cue-keys-latency.ts): creation → presented, the wait for the frame clock, and the rest,
 * for ours and the floor, cross-checked against the probe and the Event Timing API.
 * SDTE_BENCH_TRACE=0 runs the rounds untraced (no EventLatency figures).
 */

const repoRoot = resolve(import.meta.dirname, '../..')
const newDir = process.env['SDTE_BENCH_RENDERER_DIR'] ?? join(repoRoot, 'out/renderer')
const oldDir = process.env['SDTE_BENCH_OLD_RENDERER_DIR'] ?? null
const rounds = Number(process.env['SDTE_BENCH_ROUNDS'] ?? 5)
const wordsPerRound = Number(process.env['SDTE_BENCH_WORDS'] ?? 12)
const traced = process.env['SDTE_BENCH_TRACE'] !== '0'

interface KeySample {
  readonly key: string
  readonly toPaint: number
  /** Event Timing duration of the keydown (ms, 8 ms steps), when the browser reported one. */
  readonly eventMs: number | null
  /** The keydown's event timeStamp (the page's performance.now() clock). */
  readonly at: number
  /** From the key's handler to the first animation frame after it (ms): the frame alignment. */
  readonly firstFrame: number
  /** Animation frames until the one whose DOM showed the change (1: the first). */
  readonly frames: number
  /** From the key's handler to the input event it makes (ms; -1 for none, e.g. Enter). */
  readonly inputAt: number
  /** From the key's handler to the end of the keydown's handlers and the Vue flush they queued (ms). */
  readonly handled: number
  /** Enter: DOM writes in the cue list (attributes, texts, nodes added or removed) up to the frame that showed it. */
  readonly domWrites: number
  /** From the key's handler to the rAF of the frame that showed it (ms). */
  readonly shownFrame: number
  /** Chromium's EventLatency of the key (cue-keys-latency.ts), when the round was traced. */
  latency?: KeyLatency
  /** The keydown's Event Timing entry (only keys of 16 ms or more get one). */
  timing?: EventTiming | null
}
/** What a run of rounds collects. */
export interface Samples {
  keys: KeySample[]
  /** Cue rows each Enter's update rebuilt (new row objects: each one renders again). */
  rebuilt?: number[]
  /** Of those, the new row objects (the rest showed the same and were kept). */
  renewed?: number[]
  /** Letters typed into a plain input on the same page (floorRound). */
  floor?: KeySample[]
  recutMs: number[]
  rowsMs: number[]
}

/**
 * For the profilers (cue-keys-profile.ts, cue-enter-profile.ts): the app on a fresh data folder
 * (`prefix` names it), the 2-hour task open in the cue view with the probe, after a warm-up round.
 * `close` shuts the app and removes the folder.
 */
export async function warmCueViewApp(prefix: string): Promise<{ app: Awaited<ReturnType<typeof startApp>>; page: Page; work: string; close: () => Promise<void> }> {
  const work = await mkdtemp(join(tmpdir(), prefix))
  const app = await startApp(join(work, 'data'), process.env['SDTE_BENCH_RENDERER_DIR'])
  const close = async (): Promise<void> => {
    await app.close()
    await rm(work, { recursive: true, force: true })
  }
  try {
    app.state.nextExportFile = await writeTwoHourExport(work)
    await openCueView(app.page)
    await round(app.page, 4, 7, { keys: [], recutMs: [], rowsMs: [] }, 'warm-up')
  } catch (error) {
    await close()
    throw error
  }
  return { app, page: app.page, work, close }
}

/** Opens the 2-hour task, turns the cue view on and installs the key-to-paint probe. */
export async function openCueView(page: Page): Promise<void> {
  await page.getByTestId('start-open-file').click()
  await page.getByTestId('segment-count').waitFor()
  await page.locator('article.segment').first().waitFor()
  await page.keyboard.press('v')
  await page.getByTestId('cue-view').waitFor()
  await page.getByTestId('cue-row').first().waitFor()
  // The probe: each keydown timed to the first frame whose DOM shows the change. (tsx names the
  // probe's inner functions through a __name helper the page does not have: give it one.)
  await page.evaluate('window.__name = (f) => f')
  await page.evaluate(() => {
    type Probe = { expect: null | { id: string; text: string }; samples: { key: string; toPaint: number; at: number; firstFrame: number; frames: number; shownFrame: number; inputAt: number; domWrites: number; handled: number }[]; events: { at: number; duration: number; processingStart: number; processingEnd: number }[] }
    const w = window as unknown as { __keysProbe: Probe }
    const probe: Probe = { expect: null, samples: [], events: [] }
    w.__keysProbe = probe
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') {
          const t = e as PerformanceEventTiming
          probe.events.push({ at: t.startTime, duration: t.duration, processingStart: t.processingStart, processingEnd: t.processingEnd })
        }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit)
    window.addEventListener(
      'keydown',
      (event) => {
        const t0 = performance.now()
        const stamp = event.timeStamp
        const key = event.key
        const want = probe.expect
        const input = document.activeElement instanceof HTMLInputElement ? document.activeElement : null
        const before = input?.value ?? ''
        const shown = (): boolean => {
          if (key === 'Enter') return !!want && document.querySelector(`[data-testid="cue-row"] .word[data-word-id="${want.id}"]`)?.textContent === want.text
          return (input?.value ?? '') !== before
        }
        // Where the time goes: to the first frame after the key (its vsync alignment), the frames
        // until the one that shows it, and from that frame's rAF to the task after it (the frame's
        // style, layout, paint and commit, and whatever was queued ahead of the probe's timeout).
        // The keydown's own task up to its input event: our handlers and the browser's editing.
        let inputAt = -1
        window.addEventListener('input', () => (inputAt = performance.now() - t0), { capture: true, once: true })
        // Enter's DOM writes in the cue list up to the frame that shows it (attributes, nodes, texts).
        let domWrites = 0
        const count = (records: MutationRecord[]): void => {
          for (const r of records) domWrites += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1
        }
        const writes = key === 'Enter' ? new MutationObserver(count) : null
        writes?.observe(document.querySelector('[data-testid="cue-scroller"]') ?? document.body, { subtree: true, childList: true, attributes: true, characterData: true })
        // The key's handlers, and the Vue flush they queue (microtasks run between listeners): to
        // the window's bubbling listener, the last one (the editor's own was added before it).
        let handled = -1
        window.addEventListener('keydown', () => (handled = performance.now() - t0), { once: true })
        let frames = 0
        let firstFrame = -1
        const frame = (): void => {
          const tf = performance.now()
          if (frames++ === 0) firstFrame = tf - t0
          if (shown() && writes) {
            count(writes.takeRecords())
            writes.disconnect()
          }
          if (shown()) setTimeout(() => probe.samples.push({ key, toPaint: performance.now() - t0, at: stamp, firstFrame, frames, shownFrame: tf - t0, inputAt, domWrites, handled }), 0)
          else requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      },
      true
    )
  })
}

async function cueStore(page: Page): Promise<{ recut: number | null; rows: number | null; rebuilt: number | null; renewed: number | null }> {
  return page.evaluate(() => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, Record<string, unknown>> } } } } }).__vue_app__
    const s = app.config.globalProperties.$pinia._s.get('cue-view')!
    const rows = s['lastRows'] as { ms: number; rebuilt?: number; renewed?: number } | null | undefined
    return { recut: (s['lastRecut'] as { ms: number } | null)?.ms ?? null, rows: rows?.ms ?? null, rebuilt: rows?.rebuilt ?? null, renewed: rows?.renewed ?? null }
  })
}

/** One round: `count` words, each double-clicked, replaced by four letters and committed with Enter. */
export async function round(page: Page, count: number, seed: number, out: Samples, label: string): Promise<void> {
  for (let j = 0; j < count; j++) {
    // A word in the first rows (on screen): a row in the overscan would be scrolled to the centre
    // by the first click of the double-click (the selected cue is kept in view), moving the second.
    const onScreen = page.locator(':is([data-index="0"], [data-index="1"], [data-index="2"], [data-index="3"], [data-index="4"])[data-testid="cue-row"] .word')
    const word = onScreen.nth((seed * 5 + j) % (await onScreen.count()))
    const id = await word.getAttribute('data-word-id')
    const text = `${String.fromCharCode(97 + ((seed + j) % 26))}${'qxz'[j % 3]}${'wvk'[seed % 3]}y`
    await word.dblclick()
    await page.locator('input.edit').waitFor()
    await page.evaluate((want) => ((window as unknown as { __keysProbe: { expect: unknown } }).__keysProbe.expect = want), { id: id!, text })
    await page.keyboard.type(text, { delay: 40 })
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      (want) => document.querySelector(`[data-testid="cue-row"] .word[data-word-id="${want.id}"]`)?.textContent === want.text,
      { id: id!, text },
      { timeout: 60_000 }
    ).catch(async (error: Error) => {
      const now = await page.evaluate((wid) => ({ word: document.querySelector(`[data-word-id="${wid}"]`)?.textContent ?? null, field: (document.querySelector('input.edit') as HTMLInputElement | null)?.value ?? null }), id!)
      throw new Error(`${label}: word ${id} never showed "${text}" (shows ${JSON.stringify(now)}): ${error.message}`)
    })
    await page.waitForTimeout(50)
    const s = await cueStore(page)
    if (s.recut !== null) out.recutMs.push(s.recut)
    if (s.rows !== null) out.rowsMs.push(s.rows)
    if (s.rebuilt !== null) (out.rebuilt ??= []).push(s.rebuilt)
    // Rows that render again: the rebuilt ones, less those kept as they were (older builds keep none).
    if (s.rebuilt !== null) (out.renewed ??= []).push(s.renewed ?? s.rebuilt)
  }
  const got = await page.evaluate(() => {
    const p = (window as unknown as { __keysProbe: { samples: { key: string; toPaint: number; at: number; firstFrame: number; frames: number; shownFrame: number; inputAt: number; domWrites: number; handled: number }[]; events: { at: number; duration: number; processingStart: number; processingEnd: number }[] } }).__keysProbe
    const taken = { samples: p.samples.splice(0), events: p.events.splice(0) }
    return taken
  })
  for (const s of got.samples) {
    const ev = got.events.find((e) => Math.abs(e.at - s.at) < 1)
    out.keys.push({ ...s, eventMs: ev ? ev.duration : s.toPaint < 16 ? 0 : null, timing: ev ? { duration: ev.duration, inputDelay: ev.processingStart - ev.at, processing: ev.processingEnd - ev.processingStart } : null })
  }
}

/**
 * The floor: `count` rounds of four letters typed into a plain `<input>` added to the same page,
 * outside the editor's areas (no handler of ours does anything with them), timed by the same
 * probe. Its p95 is what this harness measures for a key that changes one character and nothing
 * else: the wait for the next frame (keys land anywhere in the 16.7 ms between frames) plus the
 * frame itself.
 */
export async function floorRound(page: Page, count: number, seed: number, out: Samples): Promise<void> {
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.dataset['benchFloor'] = ''
    input.style.cssText = 'position: fixed; top: 0; right: 0; width: 10ch; z-index: 99'
    document.body.append(input)
    input.focus()
  })
  for (let j = 0; j < count; j++) {
    await page.keyboard.type(`${String.fromCharCode(97 + ((seed + j) % 26))}qwy`, { delay: 40 })
    await page.waitForTimeout(50)
  }
  const got = await page.evaluate(() => {
    document.querySelector('input[data-bench-floor]')?.remove()
    const p = (window as unknown as { __keysProbe: { samples: KeySample[]; events: { at: number; duration: number; processingStart: number; processingEnd: number }[] } }).__keysProbe
    return { samples: p.samples.splice(0), events: p.events.splice(0) }
  })
  out.floor ??= []
  for (const s of got.samples) {
    const ev = got.events.find((e) => Math.abs(e.at - s.at) < 1)
    out.floor.push({ ...s, eventMs: null, timing: ev ? { duration: ev.duration, inputDelay: ev.processingStart - ev.at, processing: ev.processingEnd - ev.processingStart } : null })
  }
}

export function stats(values: readonly number[]): { value: number; unit: string; median: number; p95: number; runs: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  const r = (n: number): number => Math.round(n * 10) / 10
  return { value: r(at(0.5)), unit: 'ms', median: r(at(0.5)), p95: r(at(0.95)), runs: sorted.length, min: r(sorted[0] ?? NaN), max: r(sorted.at(-1) ?? NaN) }
}

function figuresOf(label: string, s: Samples): Figures {
  const letters = s.keys.filter((k) => k.key !== 'Enter')
  const enters = s.keys.filter((k) => k.key === 'Enter')
  const events = s.keys.flatMap((k) => (k.eventMs === null ? [] : [k.eventMs]))
  return {
    [`cue view 2h ${label}: key-to-paint, every key (letters + Enter)`]: { ...stats(s.keys.map((k) => k.toPaint)), target: 16 },
    [`cue view 2h ${label}: key-to-paint, letters typed into the word`]: { ...stats(letters.map((k) => k.toPaint)), target: 16 },
    [`cue view 2h ${label}: Enter → the cue row painted with the new word`]: { ...stats(enters.map((k) => k.toPaint)), target: 16 },
    [`cue view 2h ${label}: keydown Event Timing duration (handlers → next paint; <16 ms counted 0)`]: stats(events),
    [`cue view 2h ${label}: re-cut per Enter (store's own figure)`]: { ...stats(s.recutMs), target: 4 },
    ...(s.rowsMs.length ? { [`cue view 2h ${label}: rows + QC per Enter (store's own figure)`]: stats(s.rowsMs) } : {}),
    [`cue view 2h ${label}: Enter's keydown handlers + Vue flush (commit, re-cut, rows, render)`]: stats(enters.map((k) => k.handled)),
    [`cue view 2h ${label}: Enter's DOM writes in the cue list up to its frame`]: { ...stats(enters.map((k) => k.domWrites)), unit: 'writes' },
    ...(s.rebuilt?.length ? { [`cue view 2h ${label}: cue rows rebuilt per Enter`]: { ...stats(s.rebuilt), unit: 'rows' } } : {}),
    ...(s.renewed?.length ? { [`cue view 2h ${label}: cue rows rendered again per Enter (new row objects)`]: { ...stats(s.renewed), unit: 'rows' } } : {}),
    ...(s.floor?.length ? { [`cue view 2h ${label}: floor — a letter into a plain input on the same page (harness + frame alignment)`]: { ...stats(s.floor.map((k) => k.toPaint)), target: 16 } } : {}),
    // Where a key's time goes (see the probe): the wait for the first frame, the keys shown only by
    // a later frame, and the shown frame's rAF → the task after it.
    [`cue view 2h ${label}: letters, keydown → its input event (handlers + the browser's editing)`]: stats(letters.map((k) => k.inputAt)),
    ...(s.floor?.length ? { [`cue view 2h ${label}: floor letters, keydown → its input event`]: stats(s.floor.map((k) => k.inputAt)), [`cue view 2h ${label}: floor letters, keydown → first frame`]: stats(s.floor.map((k) => k.firstFrame)), [`cue view 2h ${label}: floor letters, the showing frame's rAF → the task after it`]: stats(s.floor.map((k) => k.toPaint - k.shownFrame)) } : {}),
    [`cue view 2h ${label}: letters, keydown → first frame (frame alignment)`]: stats(letters.map((k) => k.firstFrame)),
    [`cue view 2h ${label}: letters, the showing frame's rAF → the task after it (frame + queued work)`]: stats(letters.map((k) => k.toPaint - k.shownFrame)),
    [`cue view 2h ${label}: letters shown by a later frame than the first (count)`]: { value: letters.filter((k) => k.frames > 1).length, unit: 'keys', runs: letters.length },
    [`cue view 2h ${label}: Enter, keydown → first frame`]: stats(enters.map((k) => k.firstFrame)),
    [`cue view 2h ${label}: Enter, the showing frame's rAF → the task after it`]: stats(enters.map((k) => k.toPaint - k.shownFrame)),
    [`cue view 2h ${label}: Enter shown by a later frame than the first (count)`]: { value: enters.filter((k) => k.frames > 1).length, unit: 'keys', runs: enters.length },
    ...(s.keys.some((k) => k.latency) ? latencyFigures(label, s.keys, s.floor ?? [], stats) : {})
  }
}

/** The key-to-paint figures, new build and (when given) old build, interleaved. */
export async function run(): Promise<Figures> {
  if (!existsSync(join(newDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.')
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-cue-keys-'))
  const builds = [{ label: 'new', dir: newDir }, ...(oldDir ? [{ label: 'old', dir: resolve(oldDir) }] : [])]
  const apps = []
  try {
    const file = await writeTwoHourExport(work)
    for (const b of builds) {
      const app = await startApp(join(work, `data-${b.label}`), b.dir)
      app.state.nextExportFile = file
      await openCueView(app.page)
      apps.push({ ...b, app, samples: { keys: [], recutMs: [], rowsMs: [] } as Samples })
    }
    for (let r = 0; r < rounds; r++) {
      // Alternate which build goes first in each round.
      const order = r % 2 ? [...apps].reverse() : apps
      for (const a of order) {
        const both = async (): Promise<void> => {
          await round(a.app.page, wordsPerRound, r, a.samples, a.label)
          await floorRound(a.app.page, wordsPerRound, r, a.samples)
        }
        if (traced) await underLatencyTrace(a.app.page, () => [...a.samples.keys, ...(a.samples.floor ?? [])], both)
        else await both()
      }
    }
    const figures: Figures = {}
    for (const a of apps) Object.assign(figures, figuresOf(a.label, a.samples))
    // Each new figure carries the old build's median from the same run (the table's ours/old).
    for (const [name, f] of Object.entries(figures)) {
      const old = figures[name.replace('2h new:', '2h old:')]
      if (name.includes('2h new:') && old?.median !== undefined) figures[name] = { ...f, old: old.median }
      // The target is a p95: each key figure's p95 is a row of its own, beside the old build's p95.
      if (name.includes('2h new:') && f.target === 16 && f.p95 !== undefined) figures[`${name} — p95`] = { value: f.p95, unit: 'ms', runs: f.runs, target: 16, ...(old?.p95 !== undefined ? { old: old.p95 } : {}) }
    }
    return figures
  } finally {
    for (const a of apps) await a.app.close()
    await rm(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [k, v] of Object.entries(figures)) console.log(k, JSON.stringify(v))
}
