import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDocServer, type DocServer } from '../conformance/doc-server'
import { spawnSdteAgainst, type SdteRun } from './spawn-sdte'

/*
 * `sdte` spawned as a real process against doc-server.ts (the documented API on 127.0.0.1):
 * argument ranges, the trimmed --external-id, the no-transcript refusal, the 429 message and
 * Retry-After progress line, file-system errors in words, and the CSV formula guard.
 * Every failure is exactly one stderr line and its exit code.
 */

const spawnTimeoutMs = 300_000

let server: DocServer
let dir: string

const word = (text: string, offsetInSeconds: number) => ({ text, offsetInSeconds, durationInSeconds: 0.3, confidence: 0.9 })
const talk = (taskId: number, extra: Record<string, unknown> = {}) => ({
  taskId,
  displayName: `Task ${taskId}`,
  totalTimeInSeconds: 10,
  transcript: {
    transcripts: [{ speakerId: 'A', start: 0, end: 2, duration: 2, confidence: 0.9, displayText: 'Hello there.', displayWords: [word('Hello', 0.1), word('there.', 0.5)], originalWords: [] }],
    speakers: [{ speakerId: 'A', speakerName: 'Maria', speakerPrefix: 'Dra.', speakerSuffix: '(moderadora)' }],
    annotations: []
  },
  metadata: {},
  ...extra
})
const { transcript: _none, ...noTranscript } = talk(8602)
const documentBody = (taskId: number, contents: string[]) => ({
  taskId,
  displayName: 'Invoice',
  totalPages: 1,
  chunks: [
    {
      entities: [
        {
          type: 'keyValue',
          category: 'Invoice',
          groupName: 'Header',
          pageNumber: 1,
          keyValues: contents.map((content, k) => ({ category: `Field ${k + 1}`, categoryNormalized: `field${k + 1}`, content, contentNormalized: content, pageNumber: 1, confidence: 0.9 }))
        }
      ]
    }
  ],
  metadata: {}
})

beforeAll(async () => {
  server = await startDocServer({ tokenStyle: 'string-expires' })
  server.serve({ kind: 'transcript', taskId: 8601, externalId: 'ORDER-7', body: JSON.stringify(talk(8601)) })
  server.serve({ kind: 'transcript', taskId: 8602, body: JSON.stringify(noTranscript) })
  server.serve({ kind: 'transcript', taskId: 8603, body: JSON.stringify({ ...talk(8603), transcript: null }) })
  server.serve({ kind: 'transcript', taskId: 8604, body: JSON.stringify(documentBody(8604, ['x'])) })
  dir = await mkdtemp(join(tmpdir(), 'sdte-failures-'))
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

function sdte(args: string[]): Promise<SdteRun> {
  return spawnSdteAgainst(server, dir, args)
}

/** Exactly one line on stderr, starting "sdte: ". */
function oneLine(run: SdteRun): string {
  expect(run.stderr).toMatch(/^sdte: [^\n]*\n$/)
  return run.stderr
}

describe('argument ranges', { timeout: spawnTimeoutMs }, () => {
  it.each([
    [['--timeout', '99999999'], '--timeout'],
    [['--timeout', '0.0015'], '--timeout'],
    [['--timeout', '0'], '--timeout'],
    [['--timeout', '3601'], '--timeout'],
    [['--timeout', 'soon'], '--timeout'],
    [['--concurrency', '0'], '--concurrency'],
    [['--concurrency', '33'], '--concurrency'],
    [['--concurrency', '2.5'], '--concurrency']
  ])('%j: exit 2 with one line naming %s', async (flag, name) => {
    const run = await sdte(['export', '--tasks', '8601', '--format', 'srt', '--out-dir', join(dir, 'range'), ...flag])
    expect(run.code).toBe(2)
    expect(oneLine(run)).toContain(name)
  })

  it('the edges of both ranges are accepted', async () => {
    const run = await sdte(['export', '--tasks', '8601', '--format', 'srt', '--out-dir', join(dir, 'edges'), '--timeout', '3600', '--concurrency', '32'])
    expect([run.code, run.stderr]).toEqual([0, ''])
  })
})

describe('--external-id is trimmed like the open dialog', { timeout: spawnTimeoutMs }, () => {
  it('a pasted id with spaces and a line break finds the task', async () => {
    const out = join(dir, 'external.srt')
    const run = await sdte(['export', '--external-id', '  ORDER-7 \n', '--format', 'srt', '--out', out])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(await readFile(out, 'utf8')).toContain('Hello there.')
    expect(server.requests.filter((r) => r.query.get('externalId') !== null).map((r) => r.query.get('externalId'))).toContain('ORDER-7')
  })

  it('only spaces is a usage error', async () => {
    const run = await sdte(['export', '--external-id', '   ', '--format', 'srt'])
    expect(run.code).toBe(2)
    expect(oneLine(run)).toContain('--external-id')
  })
})

describe('a task with no transcript', { timeout: spawnTimeoutMs }, () => {
  it.each([
    [8602, 'srt', 'task 8602 has no transcript yet'],
    [8603, 'vtt', 'task 8603 has no transcript yet'],
    [8603, 'txt', 'task 8603 has no transcript yet'],
    [8604, 'srt', 'task 8604 is a document task']
  ])('task %i as %s: exit 6, "%s", nothing written', async (taskId, format, message) => {
    const out = join(dir, `none-${taskId}.${format}`)
    const run = await sdte(['export', '--task', String(taskId), '--format', format, '--out', out])
    expect(run.code).toBe(6)
    expect(oneLine(run)).toBe(`sdte: ${message}\n`)
    expect((await readdir(dir)).filter((f) => f.startsWith(`none-${taskId}`))).toEqual([])
  })

  it('sdte qc says the same', async () => {
    const run = await sdte(['qc', '--task', '8602'])
    expect(run.code).toBe(6)
    expect(oneLine(run)).toBe('sdte: task 8602 has no transcript yet\n')
  })
})

describe('rate limiting', { timeout: spawnTimeoutMs }, () => {
  it('a 429 with Retry-After: 120 says 120 s, not "a minute"', async () => {
    server.next({ route: 'export', status: 429, headers: { 'Retry-After': '120' } })
    const run = await sdte(['export', '--task', '8601', '--format', 'srt', '--out', join(dir, 'limited.srt')])
    expect(run.code).toBe(5)
    const line = oneLine(run)
    expect(line).toContain('in 120 s')
    expect(line).not.toContain('minute')
  })

  it('a 429 with an HTTP date says that date', async () => {
    const date = new Date(Date.now() + 3_600_000).toUTCString()
    server.next({ route: 'export', status: 429, headers: { 'Retry-After': date } })
    const run = await sdte(['export', '--task', '8601', '--format', 'srt', '--out', join(dir, 'limited2.srt')])
    expect(run.code).toBe(5)
    expect(oneLine(run)).toContain(`after ${date}`)
  })

  it('waiting out a Retry-After prints one progress line, then succeeds', async () => {
    server.next({ route: 'export', status: 429, headers: { 'Retry-After': '1' } })
    const out = join(dir, 'waited.srt')
    const run = await sdte(['export', '--task', '8601', '--format', 'srt', '--out', out])
    expect(run.code).toBe(0)
    expect(oneLine(run)).toMatch(/task 8601: the server asked to wait 1 s \(HTTP 429\)/)
    expect(await readFile(out, 'utf8')).toContain('Hello there.')
  })
})

describe('file-system errors in words', { timeout: spawnTimeoutMs }, () => {
  it('a part of the output path is a file: exit 7, said so (not ENOENT/EEXIST/ENOTDIR)', async () => {
    await writeFile(join(dir, 'plain-file'), 'x')
    for (const out of [join(dir, 'plain-file', 'out.srt'), join(dir, 'plain-file', 'deeper', 'out.srt')]) {
      const run = await sdte(['export', '--task', '8601', '--format', 'srt', '--out', out])
      expect(run.code).toBe(7)
      const line = oneLine(run)
      expect(line).toContain('a part of the path is a file')
      expect(line).not.toMatch(/ENOENT|EEXIST|ENOTDIR/)
    }
  })

  it('an input file that does not exist is said in words', async () => {
    const run = await sdte(['export', '--input', join(dir, 'missing.json'), '--format', 'srt'])
    expect(run.code).toBe(7)
    expect(oneLine(run)).toContain('there is no such file')
  })

  it.skipIf(process.getuid?.() === 0)('a folder without write permission says permission denied', async () => {
    const locked = join(dir, 'locked')
    await mkdir(locked)
    await chmod(locked, 0o555)
    const run = await sdte(['export', '--task', '8601', '--format', 'srt', '--out', join(locked, 'out.srt')])
    await chmod(locked, 0o755)
    expect(run.code).toBe(7)
    expect(oneLine(run)).toContain('permission denied')
  })
})

describe('CSV formula injection', { timeout: spawnTimeoutMs }, () => {
  const cells = ['=HYPERLINK("http://x","y")', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\r=CR', '-12.50', '+351', '12', 'plain']
  const guarded = ["'=HYPERLINK(\"http://x\",\"y\")", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tTAB", "'\r=CR", '-12.50', '+351', '12', 'plain']

  it.each([
    ['by default each formula cell gets a leading quote, numbers stay numbers', [], guarded],
    ['--csv-raw keeps the values as extracted', ['--csv-raw'], cells]
  ])('%s', async (_label, flags, expected) => {
    const input = join(dir, 'formulas.json')
    await writeFile(input, JSON.stringify(documentBody(8700, cells)))
    const out = join(dir, `formulas${flags.length}.csv`)
    const run = await sdte(['export', '--input', input, '--kind', 'document', '--format', 'csv', '--out', out, ...flags])
    expect([run.code, run.stderr]).toEqual([0, ''])
    const records = parse(await readFile(out, 'utf8'), { bom: true, relax_column_count: true }) as string[][]
    const contentColumn = records[0].indexOf('Content')
    expect(records.slice(1).map((r) => r[contentColumn])).toEqual(expected)
  })

  it('--csv-raw is listed in sdte --help, and refused for other formats', async () => {
    expect((await sdte(['--help'])).stdout).toContain('--csv-raw')
    const run = await sdte(['export', '--task', '8601', '--format', 'srt', '--csv-raw'])
    expect(run.code).toBe(2)
    expect(oneLine(run)).toContain('--csv-raw')
  })
})
