/*
 * What a renderer's main-thread tasks are made of, from a Chromium trace: each complete event's
 * self time (its duration less its children's) goes to the phase of the nearest enclosing event
 * that names one (script, style, layout, paint, hit test, GC), so a ResizeObserver callback run
 * inside the lifecycle counts as script and a layout forced from script counts as layout. Raster
 * runs on other threads (the compositor's task graph) and is summed apart. Times are the threads'
 * own CPU time (`tdur`) where the trace has it, so a machine loaded by other work inflates them
 * less than wall time. Used by list-scroll.ts's PROF_MODE=trace.
 */

/** A Chromium trace event (the fields read here). */
export interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } }

/** The phases a main-thread task's time is split into. */
export const phases = ['script', 'style', 'layout', 'paint', 'hit test', 'gc', 'other'] as const
/** One of `phases`. */
export type Phase = (typeof phases)[number]

// Blink's and V8's event names per phase (devtools.timeline, blink and v8 categories).
const byName: Record<string, Phase> = {
  'v8.callFunction': 'script', EventDispatch: 'script', FunctionCall: 'script', EvaluateScript: 'script', 'v8.run': 'script', 'v8.compile': 'script', RunMicrotasks: 'script', 'V8.Execute': 'script', FireAnimationFrame: 'script', TimerFire: 'script',
  UpdateLayoutTree: 'style', 'Document::updateStyle': 'style', 'Document::recalcStyle': 'style', 'Document::rebuildLayoutTree': 'style', 'StyleEngine::UpdateActiveStyle': 'style',
  Layout: 'layout', 'LocalFrameView::layout': 'layout', 'LocalFrameView::performLayout': 'layout', 'ResizeObserverController::GatherObservations': 'layout',
  Paint: 'paint', PrePaint: 'paint', 'LocalFrameView::RunPaintLifecyclePhase': 'paint', Layerize: 'paint', 'PaintController::CommitNewDisplayItems': 'paint', UpdateLayer: 'paint', 'LocalFrameView::RunPrePaintLifecyclePhase': 'paint', Commit: 'paint',
  'LayoutView::HitTest': 'hit test', HitTest: 'hit test',
  MinorGC: 'gc', MajorGC: 'gc', 'V8.GCScavenger': 'gc', 'V8.GCIncrementalMarking': 'gc', 'V8.GCFinalizeMC': 'gc', 'BlinkGC.AtomicPhase': 'gc', 'V8.GC_MC_BACKGROUND_MARKING': 'gc'
}
/** The phase an event's own name says, or null. */
function phaseOf(name: string): Phase | null {
  return byName[name] ?? (name.startsWith('V8.GC') || name.startsWith('BlinkGC') ? 'gc' : null)
}

/** One top-level main-thread task: its CPU time and its time per phase, in ms. */
export interface TaskPhases { start: number; dur: number; phases: Record<Phase, number>; frame: boolean }

// An event's thread (CPU) time in µs, or its wall time when the trace has none.
const cpu = (e: TraceEvent): number => e.tdur ?? e.dur ?? 0

/** The renderer main thread's top-level tasks (≥ `min` ms of CPU) with their phases, and raster time on other threads. */
export function taskPhases(events: TraceEvent[], min = 1): { tasks: TaskPhases[]; rasterMs: number } {
  const names = new Map<string, string>()
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '')
  let rasterMs = 0
  for (const e of events) if (e.ph === 'X' && e.name === 'TaskGraphRunner::RunTask') rasterMs += cpu(e) / 1000
  // The busiest renderer main thread (the page's; an extension or other frame would be quieter).
  const busy = new Map<string, number>()
  for (const e of events) if (e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0))
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0]
  const xs = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const tasks: TaskPhases[] = []
  // A stack of open events: [end, phase inherited, child time, event].
  const stack: Array<{ end: number; phase: Phase | null; children: number; e: TraceEvent }> = []
  let task: TaskPhases | null = null
  const close = (): void => {
    const top = stack.pop()!
    const self = Math.max(0, cpu(top.e) - top.children) / 1000
    if (task) task.phases[top.phase ?? 'other'] += self
    if (stack.length) stack[stack.length - 1].children += cpu(top.e)
    else if (task && task.dur >= min) tasks.push(task)
  }
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) close()
    if (!stack.length) task = { start: e.ts / 1000, dur: cpu(e) / 1000, phases: Object.fromEntries(phases.map((p) => [p, 0])) as Record<Phase, number>, frame: false }
    if (task && (e.name.endsWith('BeginMainFrame') || e.name === 'PrePaint' || e.name === 'Paint')) task.frame = true
    stack.push({ end: e.ts + (e.dur ?? 0), phase: phaseOf(e.name) ?? stack[stack.length - 1]?.phase ?? null, children: 0, e })
  }
  while (stack.length) close()
  return { tasks, rasterMs }
}

/** Prints the phases summed over all tasks, over the frames, and over the longest tenth of the frames (those that miss). */
export function printTaskPhases(events: TraceEvent[]): void {
  const { tasks, rasterMs } = taskPhases(events)
  const sum = (ts: TaskPhases[]): string => {
    const total = ts.reduce((a, t) => a + t.dur, 0) || 1
    return phases.map((p) => {
      const ms = ts.reduce((a, t) => a + t.phases[p], 0)
      return `${p} ${Math.round(ms)} ms (${Math.round((ms / total) * 100)}%)`
    }).join(', ')
  }
  const frames = tasks.filter((t) => t.frame)
  const long = [...frames].sort((a, b) => b.dur - a.dur).slice(0, Math.max(1, Math.ceil(frames.length / 10)))
  console.log(`  main-thread tasks ≥ 1 ms: ${tasks.length}, ${Math.round(tasks.reduce((a, t) => a + t.dur, 0))} ms: ${sum(tasks)}`)
  console.log(`  frames (tasks that paint): ${frames.length}: ${sum(frames)}`)
  console.log(`  the longest tenth of frames (${long.length}, ${Math.round(long.at(-1)?.dur ?? 0)}–${Math.round(long[0]?.dur ?? 0)} ms): ${sum(long)}`)
  console.log(`  raster on other threads: ${Math.round(rasterMs)} ms`)
}

/** The main thread's CPU time per frame (tasks that paint, those starting in [from, to) ms of trace time when given), by phase and in all, in ms. */
export function perFrame(events: TraceEvent[], from = -Infinity, to = Infinity): Record<Phase | 'total', number> {
  const frames = taskPhases(events).tasks.filter((t) => t.frame && t.start >= from && t.start < to)
  const n = frames.length || 1
  const out = { total: frames.reduce((a, t) => a + t.dur, 0) / n } as Record<Phase | 'total', number>
  for (const p of phases) out[p] = frames.reduce((a, t) => a + t.phases[p], 0) / n
  return out
}
