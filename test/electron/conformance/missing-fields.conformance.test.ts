import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSdteAgainst, type SdteRun } from '../cli/spawn-sdte'
import { startDocServer, type DocServer } from './doc-server'
import { expectedTokens, otherShape, realNames, type RealName } from './other-shapes'
import { srtTokens } from './srt-tokens'
import { parseTranscriptExport } from '../../../shared/api/parse-export'
import { checkInvariants, normaliseTranscript, toTranscriptExport } from '../../../shared/transcript'
import { writeFormat } from '../../../shared/subtitles'

/*
 * `sdte export` (every format) and `sdte qc`, spawned as real processes against doc-server.ts,
 * on a real talk exported in the shapes real exports take (docs/api.md#what-the-app-tolerates) and
 * our schema used to refuse with exit 6: no transcript yet (null, missing), a bare array of
 * segments, speaker entries without a speakerId, words without a time, segments and annotations
 * without start/end. Each exits 0; subtitles hold every word once and in order. A task with no
 * transcript yet (null, missing) is refused for every subtitle and transcript format and for QC
 * (exit 6, "task N has no transcript yet", no file, never an empty file); its JSON export is still
 * what the server sent.
 */

/** Each test spawns Node processes that compile TypeScript on start: generous on a busy machine. */
const spawnTimeoutMs = 300_000

type Body = Record<string, unknown>
type Seg = Record<string, unknown>

/** The Kate Darling talk, sparse-free, seconds: the body each shape starts from. */
const talk = (name: RealName = 'kate-darling-ted.dpe.json'): Body => otherShape(name) as Body
const segsOf = (b: Body) => (b.transcript as { transcripts: Seg[] }).transcripts

/** Every fifth word loses its time (null or missing), every third its duration. */
function untimeWords(body: Body): Body {
  let n = 0
  for (const seg of segsOf(body)) {
    for (const w of seg.displayWords as Body[]) {
      if (n % 5 === 0) {
        if (n % 2 === 0) w.offsetInSeconds = null
        else delete w.offsetInSeconds
      }
      if (n % 3 === 0) w.durationInSeconds = null
      n++
    }
  }
  return body
}

/** Start, end and duration dropped from some segments (each from a different set), and annotation times. */
function untimeSegments(body: Body): Body {
  segsOf(body).forEach((seg, k) => {
    if (k % 2 === 0) seg.start = null
    if (k % 3 === 0) delete seg.end
    if (k % 4 === 0) delete seg.duration
  })
  const anns = (body.transcript as { annotations: Body[] }).annotations
  anns.push({ ...anns[0], uniqueId: 'x-2', start: null, end: null }, { ...anns[0], uniqueId: 'x-3', start: 5 })
  delete anns[2].end
  return body
}

interface Shape {
  readonly taskId: number
  readonly body: Body
  /** The words any subtitle export of it must hold, in order. */
  readonly tokens: string[]
}

function shapes(): Array<[string, Shape]> {
  const out: Array<[string, Body, string[]]> = []
  const base = talk()
  const tokens = expectedTokens(base)

  out.push(['transcript null', { ...talk(), transcript: null }, []])
  const { transcript: _dropped, ...missing } = talk()
  out.push(['transcript missing', missing, []])
  out.push(['transcript a bare array of segments', { ...talk(), transcript: segsOf(talk()) }, tokens])

  const idless = talk()
  const t = idless.transcript as { speakers: Body[] }
  t.speakers = [{ speakerId: null, speakerName: 'Nobody' }, ...t.speakers.map(({ speakerName: _n, ...s }) => s), { speakerName: 'No id at all' }]
  out.push(['speaker entries without a speakerId or a name', idless, tokens])

  out.push(['words without offsetInSeconds or durationInSeconds', untimeWords(talk()), tokens])
  out.push(['segments and annotations without start/end', untimeSegments(talk()), tokens])

  return out.map(([label, body, expected], k) => [label, { taskId: 7300 + k, body: { ...body, taskId: 7300 + k }, tokens: expected }])
}

let server: DocServer
let dir: string
const cases = shapes()

beforeAll(async () => {
  server = await startDocServer({ tokenStyle: 'string-expires' })
  for (const [, shape] of cases) server.serve({ kind: 'transcript', taskId: shape.taskId, body: JSON.stringify(shape.body) })
  dir = await mkdtemp(join(tmpdir(), 'sdte-missing-'))
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

function sdte(args: string[]): Promise<SdteRun> {
  return spawnSdteAgainst(server, dir, args)
}

const ids = cases.map(([, s]) => s.taskId).join(',')

describe('sdte export of every shape, every format (one batch per format)', { timeout: spawnTimeoutMs }, () => {
  const formats = ['srt', 'vtt', 'ttml', 'sbv', 'ass', 'txt', 'docx', 'json'] as const
  // One process at a time: these start a TypeScript toolchain each, and the suite runs beside others.
  it('exits 0 and writes a readable file for each task with a transcript; refuses the others (exit 6)', async () => {
    const files: Record<string, Record<number, Buffer>> = {}
    const empty = cases.filter(([, s]) => s.tokens.length === 0).map(([, s]) => s.taskId)
    for (const format of formats) {
      const outDir = join(dir, format)
      const run = await sdte(['export', '--tasks', ids, '--format', format, '--out-dir', outDir])
      if (format === 'json') {
        expect([format, run.code, run.stderr]).toEqual([format, 0, ''])
      } else {
        expect([format, run.code, run.stderr.split('\n').filter(Boolean).sort()]).toEqual([format, 6, empty.map((id) => `sdte: task ${id} has no transcript yet`).sort()])
      }
      files[format] = {}
      for (const [, s] of cases) {
        const path = join(outDir, `${s.taskId}.${format}`)
        if (format !== 'json' && empty.includes(s.taskId)) await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' })
        else files[format][s.taskId] = await readFile(path)
      }
    }
    for (const [label, s] of cases) {
      if (s.tokens.length === 0) {
        expect(files.json[s.taskId].toString('utf8')).toBe(JSON.stringify(s.body))
        continue
      }
      const text = (format: string) => files[format][s.taskId].toString('utf8')
      expect([label, srtTokens(text('srt'))]).toEqual([label, s.tokens])
      // An empty SRT (and SBV) is a valid file with no cues; WebVTT still needs its header, TTML its body.
      expect(text('vtt').startsWith('WEBVTT')).toBe(true)
      expect(text('ttml')).toMatch(/<body[^>]*>[\s\S]*<\/body>/)
      expect(text('ass')).toContain('[Events]')
      expect(files.docx[s.taskId].subarray(0, 2).toString('latin1')).toBe('PK')
      // JSON is what the server sent, byte for byte, whatever its shape.
      expect(text('json')).toBe(JSON.stringify(s.body))
      const words = s.tokens.length
      // Cues in every subtitle format exactly when there are words (SRT's words are checked above).
      const cue: Record<string, RegExp> = { vtt: / --> /, sbv: /^\d+:\d\d:\d\d\.\d{3},\d+:\d\d:\d\d\.\d{3}$/m, ass: /^Dialogue: /m, ttml: /<p begin=/ }
      expect([label, Object.entries(cue).map(([f, re]) => [f, re.test(text(f))])]).toEqual([label, Object.keys(cue).map((f) => [f, words > 0])])
      expect([label, text('txt').trim() === '']).toEqual([label, words === 0])
    }
  })
})

describe('sdte qc of every shape', { timeout: spawnTimeoutMs }, () => {
  it('exits 0 with a report with cues for a task with a transcript; exit 6 for one with none', async () => {
    for (const [label, s] of cases) {
      const run = await sdte(['qc', '--task', String(s.taskId), '--json'])
      if (s.tokens.length === 0) {
        expect([label, run.code, run.stderr]).toEqual([label, 6, `sdte: task ${s.taskId} has no transcript yet\n`])
        continue
      }
      expect([label, run.code, run.stderr]).toEqual([label, 0, ''])
      const cues = (JSON.parse(run.stdout) as { summary: { cues: number } }).summary.cues
      expect([label, cues > 0]).toEqual([label, true])
    }
  })
})

describe.each(realNames.flatMap((name) => [
  [`${name} as a bare segment array`, name, (b: Body) => ({ ...b, transcript: segsOf(b) })],
  [`${name} with untimed words`, name, untimeWords],
  [`${name} with untimed segments and annotations`, name, untimeSegments]
] as Array<[string, RealName, (b: Body) => Body]>))('%s (in process)', (_label, name, shape) => {
  it('normalises soundly, keeps every word in order in SRT, and exports back JSON-equal', async () => {
    const expected = expectedTokens(talk(name))
    const text = JSON.stringify(shape(talk(name)))
    const model = normaliseTranscript(parseTranscriptExport(JSON.parse(text)))
    expect(checkInvariants(model)).toEqual([])
    expect(model.segments.flatMap((s) => s.words.map((w) => w.text))).toEqual(expected)
    expect(srtTokens((await writeFormat('srt', model)).content as string)).toEqual(expected)
    expect(JSON.parse(JSON.stringify(toTranscriptExport(model)))).toEqual(JSON.parse(text))
  })
})
