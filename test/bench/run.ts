import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { existsSync } from 'node:fs'

/*
 * `npm run bench`: every benchmark module, one after another (never in parallel: they measure
 * time on a 2-core machine), into bench-results.json (figure name → { value, unit, median, p95,
 * runs }) and a table. Figures, not pass/fail: nothing here fails on a slow number.
 * `npm run bench -- transcript subtitles` runs only the named modules. `list` measures the
 * transcript list cold against an old build in the same run (transcript-list.ts), and `cold-open`
 * the first open of the 2- and 6-hour tasks (cold-open.ts): their rows carry the spread over runs,
 * the target, the old way's figure and ours/old.
 */

import type { Figure, Figures } from './stats'

const modules = ['transcript', 'subtitles', 'drafts', 'media', 'sdte', 'document', 'editor', 'list', 'cold-open', 'peers', 'review-queue', 'big-export', 'cue-view', 'cue-view-keys', 'first-waveform'] as const
const only = process.argv.slice(2)
const root = resolve(import.meta.dirname, '../..')
const results: Record<string, Figure> = {}
const byModule: Record<string, Figures> = {}
const skipped: string[] = []

for (const name of modules) {
  if (only.length && !only.includes(name)) continue
  // 'list': the cold A/B transcript-list benchmark (transcript-list.ts).
  const file = resolve(import.meta.dirname, `${name === 'list' ? 'transcript-list' : name}.ts`)
  if (!existsSync(file)) {
    skipped.push(`${name}: no benchmark module yet`)
    continue
  }
  process.stdout.write(`running ${name}…\n`)
  try {
    const mod = (await import(file)) as { run: () => Promise<Figures> }
    const figures = await mod.run()
    byModule[name] = figures
    for (const [figure, value] of Object.entries(figures)) results[`${name}: ${figure}`] = value
  } catch (error) {
    skipped.push(`${name}: failed: ${(error as Error).message.split('\n')[0]}`)
  }
}

await writeFile(resolve(root, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n')

const fmt = (n: number | undefined): string => (n === undefined ? '' : Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 3 : 1))
// A/B figures (list) add their spread over runs, target, the old way's figure from the same run and ours/old.
const spread = (f: Figure): string => (f.min === undefined ? '' : `${fmt(f.min)}–${fmt(f.max)}`)
const ratio = (f: Figure): string => (f.old === undefined || f.old === 0 ? '' : (f.value / f.old).toFixed(2))
const rows = Object.entries(results).map(([name, f]) => [name, `${fmt(f.value)} ${f.unit}`, fmt(f.median), fmt(f.p95), f.runs === undefined ? '' : String(f.runs), spread(f), f.target === undefined ? '' : `${f.unit === '' ? '=' : '≤'} ${fmt(f.target)}`, fmt(f.old), ratio(f)])
const header = ['figure', 'value', 'median', 'p95', 'runs', 'spread', 'target', 'old way', 'ours/old']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log('\n' + line(header))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const row of rows) console.log(line(row))
// Ours against the peers, figure by figure, when both ran.
if (byModule['editor'] && byModule['peers']) {
  const { ratios } = (await import('./peers')) as { ratios: (ours: Figures, theirs: Figures) => string[] }
  console.log('\nours vs the peers (2-hour task):')
  for (const line of ratios(byModule['editor'], byModule['peers'])) console.log(`  ${line}`)
}
if (skipped.length) console.log('\nnot measured:\n' + skipped.map((s) => `  ${s}`).join('\n'))
console.log(`\nwrote bench-results.json (${Object.keys(results).length} figures)`)
