import { round, warmCueViewApp } from './cue-view-keys'
import { eventLatencies, latencyCategories } from './event-latency'
import type { LatencyTraceEvent } from './event-latency'

/*
 * What Chromium's EventLatency stages are called in this Chromium (event-latency.ts reads them):
 * a round of the cue-view-keys flow (double-click a word, four letters, Enter) under a trace of the
 * input, benchmark and latency categories; prints every key event's stages, nested, with their
 * start and duration (ms from the key's creation), and every stage name seen with its count.
 * Not part of `npm run bench`; `npm run build` first.
 *
 *   node --import tsx test/bench/event-latency-dump.ts
 *
 * DUMP_WORDS  words in the traced round (2)
 */

const { page, close } = await warmCueViewApp('sdte-dump-latency-')
try {
  const browser = page.context().browser()!
  await browser.startTracing(page, { categories: latencyCategories })
  await page.waitForTimeout(300)
  await round(page, Number(process.env['DUMP_WORDS'] ?? 2), 3, { keys: [], recutMs: [], rowsMs: [] }, 'dump')
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: LatencyTraceEvent[] }).traceEvents
  const names = new Map<string, number>()
  for (const l of eventLatencies(events)) {
    if (!l.type.startsWith('KEY')) continue
    console.log(`${l.type} ${l.total.toFixed(1)} ms`)
    for (const s of [...l.stages].sort((a, b) => a.at - b.at || a.depth - b.depth)) {
      console.log(`  ${'  '.repeat(s.depth)}${s.name} +${s.at.toFixed(2)} ${s.ms.toFixed(2)}`)
      names.set(s.name, (names.get(s.name) ?? 0) + 1)
    }
  }
  console.log(`\nstage names seen (key events, ${(await browser.version())}):`)
  for (const [name, n] of [...names].sort()) console.log(`  ${name} ×${n}`)
} finally {
  await close()
}
