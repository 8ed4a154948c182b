import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertRealFixture } from '../../fixtures/real-to-export'
import type { QcReport } from '../../../shared/subtitles'
import { spawnSdte } from './spawn-sdte'
import type { SdteRun } from './spawn-sdte'

/*
 * The subtitle options end to end: `node bin/sdte.js` (what `npx sdte` runs) on a saved export
 * of a real talk, checking that a flag really changes the cues written and the QC limits.
 */

const url = 'https://www.example.com/reports/2024/annual-summary-final-v2.pdf'
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-opts-'))
  const talk = convertRealFixture('kate-darling-ted.dpe.json')
  await writeFile(join(dir, 'talk.json'), JSON.stringify(talk))
  // The same talk with one word replaced by a URL longer than any line.
  const [first, ...rest] = talk.transcript.transcripts ?? []
  const words = (first.displayWords ?? []).map((w, k) => (k === 5 ? { ...w, text: url } : w))
  const withUrl = { ...talk, transcript: { ...talk.transcript, transcripts: [{ ...first, displayWords: words, displayText: words.map((w) => w.text).join(' ') }, ...rest] } }
  await writeFile(join(dir, 'talk-url.json'), JSON.stringify(withUrl))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// No credentials needed: --input reads a file.
const sdte = (args: string[]): Promise<SdteRun> => spawnSdte(args, { cwd: dir, env: { HOME: dir, SDTE_LOG_DIR: join(dir, 'logs') } })

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
/** The text lines of an SRT file (not the numbers, times or blank separators), and their widths. */
function srtLineWidths(srt: string): number[] {
  return srt
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .flatMap((block) => block.split(/\r?\n/).slice(2))
    .map((line) => [...graphemes.segment(line)].length)
}

describe('sdte subtitle options', () => {
  it('--max-chars 32: no SRT line over 32 characters, where the preset alone has many', async () => {
    const [narrow, wide] = await Promise.all([sdte(['export', '--input', 'talk.json', '--format', 'srt', '--max-chars', '32']), sdte(['export', '--input', 'talk.json', '--format', 'srt'])])
    expect([narrow.code, narrow.stderr]).toEqual([0, ''])
    expect(wide.code).toBe(0)
    const widths = srtLineWidths(narrow.stdout)
    expect(widths.length).toBeGreaterThan(200)
    expect(Math.max(...widths)).toBeLessThanOrEqual(32)
    expect(srtLineWidths(wide.stdout).filter((w) => w > 32).length).toBeGreaterThan(20)
  }, 30_000)

  it('sdte qc --max-chars 32 --json reports against 32', async () => {
    const run = await sdte(['qc', '--input', 'talk.json', '--max-chars', '32', '--json'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    const report = JSON.parse(run.stdout) as QcReport
    expect(report.preset).toBe('netflix-en')
    expect(report.settings.maxCharsPerLine).toBe(32)
    expect(report.summary.byRule['chars-per-line'] ?? 0).toBe(0)
    expect(report.summary.cues).toBeGreaterThan(150)
  }, 30_000)

  it('a word longer than 32 characters: whole on its own line, and QC names its cue against 32', async () => {
    const [srt, json, text] = await Promise.all([
      sdte(['export', '--input', 'talk-url.json', '--format', 'srt', '--max-chars', '32']),
      sdte(['qc', '--input', 'talk-url.json', '--max-chars', '32', '--json']),
      sdte(['qc', '--input', 'talk-url.json', '--max-chars', '32'])
    ])
    expect(srt.code).toBe(0)
    expect(srt.stdout).toContain(`\n${url}\n`)
    const report = JSON.parse(json.stdout) as QcReport
    const breaches = report.breaches.filter((b) => b.rule === 'chars-per-line')
    expect(breaches).toMatchObject([{ figure: url.length, limit: 32, severity: 'hard' }])
    const cue = breaches[0].cueIndex + 1
    // The same cue number in the SRT (numbered from 1) holds the URL.
    expect(srt.stdout).toMatch(new RegExp(`(^|\\n)${cue}\\n[^\\n]+\\n${url.replace(/[./]/g, '\\$&')}\\n`))
    expect(text.stdout).toMatch(/^QC of .* against netflix-en\n.*\nLimits: 32 chars × 2 lines, 20 chars\/s/)
    expect(text.stdout).toContain(`cue ${cue} at `)
    expect(text.stdout).toMatch(new RegExp(`cue ${cue} at [\\d:,]+: chars-per-line \\(hard\\) ${url.length} chars > 32 chars`))
  }, 30_000)

  it('a bad value exits 2 with one line naming the flag and its range, and writes nothing', async () => {
    const run = await sdte(['export', '--input', 'talk.json', '--format', 'srt', '--max-chars', '300', '--out', 'never.srt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('sdte: --max-chars (characters per line) must be a whole number from 10 to 200, not "300"\n')
    expect((await readdir(dir)).filter((f) => f.startsWith('never'))).toEqual([])
  }, 30_000)
})
