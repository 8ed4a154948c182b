/*
 * Chromium's own breakdown of a key's latency: the EventLatency trace events (categories `input`,
 * `benchmark`: cc/metrics/event_latency_tracing_recorder.cc) that the compositor records from the
 * key's creation to the presentation of the frame showing its change, each with nested sub-stages.
 * Read from a trace of Chromium 156 (dumped, not guessed: test/bench/event-latency-dump.ts prints
 * every key's stages and the names seen), a KEY_PRESSED event's top-level stages are:
 *
 *   GenerationToBrowserMain, BrowserMainToRendererCompositor, RendererCompositorQueueingDelay,
 *   RendererCompositorProcessing, RendererCompositorToMain   the key's way to the page's main thread
 *   RendererMainProcessing                                    its handlers (ours + the browser's editing)
 *   then one of three ways into the frame (the first compositor stage that began after the handlers):
 *     RendererMainFinishedToBeginImplFrame                    the handlers ended before the next frame
 *       BeginImplFrameToSendBeginMainFrame,                   began: the wait for the 60 Hz frame clock,
 *       SendBeginMainFrameToCommit                            then the frame's main-thread work (rAF,
 *                                                             style, layout, paint)
 *     RendererMainFinishedToSendBeginMainFrame                the frame had begun, its main frame not yet
 *       SendBeginMainFrameToCommit                            sent (the previous frame still in the pipeline)
 *     RendererMainFinishedToCommit                            the main frame was sent while the handlers
 *                                                             ran: the frame's main-thread work, no wait
 *   Commit, EndCommitToActivation (raster), Activation, EndActivateToSubmitCompositorFrame
 *   SubmitCompositorFrameToPresentationCompositorFrame        the display compositor (viz) draws and swaps
 *
 * A key that changes nothing on screen ends in RendererMainFinishedToTermination instead.
 */

/** A Chromium trace event (the fields read here). */
export interface LatencyTraceEvent { name: string; cat: string; ph: string; ts: number; pid: number; tid: number; id2?: { local?: string; global?: string }; args?: Record<string, unknown> }

/** Categories that record EventLatency (and the page's performance marks, to align its clock with the trace's). */
export const latencyCategories = ['input', 'benchmark', 'latency', 'blink.user_timing']

/** One EventLatency: its type, start on the trace clock (µs), total and stages (ms, in the order they end; depth 0: top level). */
export interface EventLatency { type: string; start: number; total: number; stages: Array<{ name: string; ms: number; depth: number; at: number }> }

/** The EventLatency events of a trace with their top-level stages (async b/e pairs nested on one track). */
export function eventLatencies(events: readonly LatencyTraceEvent[]): EventLatency[] {
  const track = events.filter((e) => e.cat.includes('input.scrolling') && e.id2 && (e.ph === 'b' || e.ph === 'e')).sort((a, b) => a.ts - b.ts)
  const open = new Map<string, { type: string; start: number; stack: Array<{ name: string; ts: number }>; stages: EventLatency['stages'] }>()
  const out: EventLatency[] = []
  for (const e of track) {
    const key = `${e.pid}:${e.id2?.local ?? e.id2?.global}`
    if (e.name === 'EventLatency' && e.ph === 'b') {
      const info = (e.args?.['event_latency'] ?? {}) as { event_type?: string }
      open.set(key, { type: info.event_type ?? '?', start: e.ts, stack: [], stages: [] })
      continue
    }
    const r = open.get(key)
    if (!r) continue
    if (e.name === 'EventLatency') {
      out.push({ type: r.type, start: r.start, total: (e.ts - r.start) / 1000, stages: r.stages })
      open.delete(key)
    } else if (e.ph === 'b') r.stack.push({ name: e.name, ts: e.ts })
    else {
      const s = r.stack.pop()
      // The display compositor's sub-stages are nested one deeper.
      if (s) r.stages.push({ name: s.name, ms: (e.ts - s.ts) / 1000, depth: r.stack.length, at: (s.ts - r.start) / 1000 })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

const delivery = ['GenerationToBrowserMain', 'BrowserMainToRendererCompositor', 'RendererCompositorQueueingDelay', 'RendererCompositorProcessing', 'RendererCompositorToMain']
const mainFrame = ['BeginImplFrameToSendBeginMainFrame', 'SendBeginMainFrameToCommit', 'RendererMainFinishedToCommit', 'RendererMainFinishedToSendBeginMainFrame']
const toSubmit = ['Commit', 'EndCommitToActivation', 'Activation', 'EndActivateToSubmitCompositorFrame']

/** A key's EventLatency in parts (ms): `wait` is the frame clock's, `rest` all the others (the app's and the browser's work). */
export interface KeyLatency { total: number; wait: number; rest: number; delivery: number; handlers: number; mainFrame: number; toSubmit: number; display: number; toCommit: number; path: string }

/** An EventLatency's parts; `path` names the way it went into the frame (see above). */
export function keyLatency(latency: EventLatency): KeyLatency {
  const l = { ...latency, stages: latency.stages.filter((s) => s.depth === 0) }
  const sum = (names: readonly string[]): number => l.stages.reduce((s, x) => s + (names.includes(x.name) ? x.ms : 0), 0)
  const wait = sum(['RendererMainFinishedToBeginImplFrame'])
  const before = (name: string): number => {
    let t = 0
    for (const s of l.stages) {
      if (s.name === name) return t + s.ms
      t += s.ms
    }
    return NaN
  }
  const path = l.stages.find((s) => s.name.startsWith('RendererMainFinishedTo'))?.name.replace('RendererMainFinishedTo', '→') ?? '?'
  return {
    total: l.total,
    wait,
    rest: l.total - wait,
    delivery: sum(delivery),
    handlers: sum(['RendererMainProcessing']),
    mainFrame: sum(mainFrame),
    toSubmit: sum(toSubmit),
    display: sum(['SubmitCompositorFrameToPresentationCompositorFrame']),
    // From the handlers' start to the end of the commit: what the page's rAF + setTimeout probe spans.
    toCommit: before('Commit') - sum(delivery),
    path
  }
}

/**
 * The KEY_PRESSED EventLatency of each key, matched by creation time: `at` is the keydown's
 * timeStamp on the page's clock, `offset` the trace clock (µs) less the page's (ms × 1000).
 */
export function matchKeys<K extends { at: number }>(keys: readonly K[], latencies: readonly EventLatency[], offset: number): Array<{ key: K; latency: KeyLatency }> {
  const pressed = latencies.filter((l) => l.type === 'KEY_PRESSED')
  const out: Array<{ key: K; latency: KeyLatency }> = []
  for (const key of keys) {
    const ts = key.at * 1000 + offset
    let best: EventLatency | null = null
    for (const l of pressed) if (Math.abs(l.start - ts) < 2000 && (!best || Math.abs(l.start - ts) < Math.abs(best.start - ts))) best = l
    if (best) out.push({ key, latency: keyLatency(best) })
  }
  return out
}

/** The trace clock's offset from the page's (µs): a performance mark `name` seen in both. */
export function clockOffset(events: readonly LatencyTraceEvent[], name: string, pageMs: number): number {
  const mark = events.find((e) => e.name === name && e.cat.includes('user_timing'))
  if (!mark) throw new Error(`the trace has no performance mark ${name}`)
  return mark.ts - pageMs * 1000
}
