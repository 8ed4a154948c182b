import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { sampleTranscriptTask, seedIds } from '../../fake-api/seeds'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { edgeCases } from '../../fixtures/edge-cases'
import { normaliseTranscript, setSegmentText, toTranscriptExport } from '../../../shared/transcript'
import { spawnSdte } from './spawn-sdte'
import type { SdteRun } from './spawn-sdte'

/*
 * `sdte export` in the subtitle and transcript formats, `sdte qc`, and drafts as input:
 * spawned as `node bin/sdte.js`, the entry `npx sdte` runs.
 */

let fake: FakeApi
let dir: string
let exportPath: string

beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'fmt-client', clientSecret: 'fmt-secret', tasks: [sampleTranscriptTask()] })
  dir = await mkdtemp(join(tmpdir(), 'sdte-fmt-'))
  exportPath = join(dir, 'kate.json')
  await writeFile(exportPath, JSON.stringify(convertRealFixture('kate-darling-ted.dpe.json'), null, 2))
})
afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

function sdte(args: string[]): Promise<SdteRun> {
  return spawnSdte(args, {
    cwd: dir,
    env: { HOME: dir, SDTE_BASE_URL: fake.baseUrl, SDTE_CLIENT_ID: 'fmt-client', SDTE_CLIENT_SECRET: 'fmt-secret', SDTE_LOG_DIR: join(dir, 'logs') }
  })
}

describe('sdte export: subtitle and transcript formats', () => {
  it.each(['srt', 'vtt', 'ttml', 'sbv', 'ass', 'txt'])('writes %s from a saved export', async (format) => {
    const out = join(dir, `kate.${format}`)
    const run = await sdte(['export', '--input', exportPath, '--format', format, '--preset', 'bbc', '--out', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const text = await readFile(out, 'utf8')
    // The first words of the talk are in every format.
    expect(text.replace(/<[^>]+>|\\N|\n/g, ' ')).toMatch(/There\s+is\s+a\s+day/)
    if (format === 'srt') expect(text).toMatch(/^1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n/)
    if (format === 'vtt') expect(text.startsWith('WEBVTT')).toBe(true)
  })

  it('writes a DOCX (a zip) and fetches by task id for subtitles', async () => {
    const out = join(dir, 'kate.docx')
    expect((await sdte(['export', '--input', exportPath, '--format', 'docx', '--out', out])).code).toBe(0)
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK')
    const srt = await sdte(['export', '--task', String(seedIds.sample.taskId), '--format', 'srt', '--out', '-'])
    expect(srt.code).toBe(0)
    expect(srt.stdout).toContain(' --> ')
  })

  it('an unknown preset is a usage error and writes nothing', async () => {
    const out = join(dir, 'never.srt')
    const run = await sdte(['export', '--input', exportPath, '--format', 'srt', '--preset', 'cinema-xl', '--out', out])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('cinema-xl')
    expect((await readdir(dir)).filter((f) => f.startsWith('never') || f.endsWith('.tmp'))).toEqual([])
  })
})

describe('sdte export --input <draft>', () => {
  it('exports a saved draft with the reviewer\'s edits, as JSON and as subtitles', async () => {
    const loaded = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))
    const first = loaded.segments[0]
    const edited = setSegmentText(loaded, first.id, 'There was a remarkable day.' + first.words.slice(4).map((w) => ' ' + w.text).join(''))
    const draftPath = join(dir, 'task.draft.json')
    // The draft file layout of electron/services/drafts (a JSON round trip, as on disk).
    await writeFile(draftPath, JSON.stringify({ version: 1, taskId: String(loaded.taskId), exportHash: 'abc', savedAt: 1, meta: {}, document: edited }))
    const json = await sdte(['export', '--input', draftPath, '--format', 'json', '--out', '-'])
    expect(json.code).toBe(0)
    const data = JSON.parse(json.stdout)
    expect(data).toEqual(JSON.parse(JSON.stringify(toTranscriptExport(edited))))
    expect(data.transcript.transcripts[0].displayText).toContain('There was a remarkable day.')
    const srt = await sdte(['export', '--input', draftPath, '--format', 'srt', '--out', '-'])
    expect(srt.stdout.replace(/\n/g, ' ')).toContain('There was a remarkable day.')
  })

  it('gives back an unedited export equal to the input for the edge cases', async () => {
    for (const [name, exp] of Object.entries(edgeCases)) {
      const path = join(dir, `edge-${name}.json`)
      await writeFile(path, JSON.stringify(exp))
      const run = await sdte(['export', '--input', path, '--format', 'json', '--out', '-'])
      expect(run.code, `${name}: ${run.stderr}`).toBe(0)
      expect(JSON.parse(run.stdout), name).toEqual(exp)
    }
    // One sdte process per edge case: a few seconds each on a loaded 2-core machine.
  }, 180_000)
})

describe('sdte qc', () => {
  it('prints a human-readable report and a JSON one', async () => {
    const human = await sdte(['qc', '--input', exportPath, '--preset', 'netflix-en'])
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/^QC of .* against netflix-en\n\d+ cues; \d+ hard and \d+ soft breaches/)
    const machine = await sdte(['qc', '--input', exportPath, '--json'])
    expect(machine.code).toBe(0)
    const report = JSON.parse(machine.stdout)
    expect(report.preset).toBe('netflix-en')
    expect(report.summary.cues).toBeGreaterThan(50)
    expect(report.summary.hard).toBe(0)
  })

  it('fails cleanly for a missing task and for --json on export', async () => {
    expect((await sdte(['qc', '--task', '999999'])).code).toBe(4)
    expect((await sdte(['export', '--input', exportPath, '--format', 'srt', '--json'])).code).toBe(2)
  })
})
