import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSdteAgainst, type SdteRun } from '../cli/spawn-sdte'
import { startDocServer, type DocServer, type DocServerConfig } from './doc-server'
import { smallTokens, smallTranscript, sparseDocument } from './doc-exports'
import { expectedTokens, otherShape, type RealName, type ShapeOptions } from './other-shapes'
import { srtTokens } from './srt-tokens'

/*
 * `sdte export` spawned as a real process (node bin/sdte.js) against doc-server.ts, the
 * independent reading of the documented API: the JSON it writes is exactly what the server sent,
 * subtitles hold every word once and in order, and each failure is one line on stderr with the
 * documented exit code (0 done, 2 usage, 3 auth, 4 not found, 5 network/server, 6 invalid data).
 */

/** Each test spawns Node processes that compile TypeScript on start: generous on a busy machine. */
const spawnTimeoutMs = 180_000

let server: DocServer
let dir: string
const defaults: Partial<DocServerConfig> = {}

beforeAll(async () => {
  server = await startDocServer({ tokenStyle: 'string-expires', unauthorized: 'challenge', errorBodies: 'problem' })
  Object.assign(defaults, server.config)
  dir = await mkdtemp(join(tmpdir(), 'sdte-conformance-'))
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})
afterEach(() => {
  Object.assign(server.config, defaults)
  server.requests.length = 0
})

function sdte(args: string[], env: Record<string, string | undefined> = {}): Promise<SdteRun> {
  return spawnSdteAgainst(server, dir, args, env)
}

/** One line on stderr, prefixed, and the exit code. */
function failedWith(run: SdteRun, code: number): void {
  expect(run.stderr).toMatch(/^sdte: [^\n]+\n$/)
  expect(run.code).toBe(code)
}

describe('sdte export --format json', { timeout: spawnTimeoutMs }, () => {
  it('writes exactly what the server sent, by task id and by awkward external ids', async () => {
    const ids = ['MEET 1/2 ação & x=y#?100%+']
    const bodies = ids.map((externalId, k) => {
      const body = JSON.stringify(smallTranscript({ taskId: 5100 + k, externalId, extras: true, unit: k === 0 ? 'ticks' : 'milliseconds' }))
      server.serve({ kind: 'transcript', taskId: 5100 + k, externalId, body })
      return body
    })
    const doc = JSON.stringify(sparseDocument(6001))
    server.serve({ kind: 'document', taskId: 6001, externalId: 'DOC/1', body: doc })
    // One process at a time: these start a TypeScript toolchain each, and the suite runs beside others.
    const runs: SdteRun[] = []
    for (const args of [
      ['export', '--task', '5100', '--format', 'json'],
      ...ids.map((id) => ['export', '--external-id', id, '--format', 'json', '--out', '-']),
      ['export', '--external-id', 'DOC/1', '--kind', 'document', '--format', 'json']
    ]) runs.push(await sdte(args))
    for (const run of runs) expect([run.code, run.stderr]).toEqual([0, ''])
    expect(runs.map((r) => r.stdout)).toEqual([bodies[0], ...bodies, doc])
    // A fresh process asks for one token each and never needs a 401 to learn it.
    expect(server.requests.filter((r) => r.path === '/connect/token')).toHaveLength(runs.length)
  })

  it('finds an external id on a server that reads "...?externalId=X" as the route without a path id', async () => {
    server.config.externalIdRouting = 'no-path-id'
    const body = JSON.stringify(smallTranscript({ taskId: 5200, externalId: 'EXT 5200' }))
    server.serve({ kind: 'transcript', taskId: 5200, externalId: 'EXT 5200', body })
    const run = await sdte(['export', '--external-id', 'EXT 5200', '--format', 'json'])
    expect([run.code, run.stderr, run.stdout]).toEqual([0, '', body])
  })

  it('a saved export with a byte order mark round-trips to JSON equal to it', async () => {
    const body = JSON.stringify(smallTranscript({ sparse: true }), null, 2)
    const path = join(dir, 'bom.json')
    await writeFile(path, '\uFEFF' + body)
    const run = await sdte(['export', '--input', path, '--format', 'json'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(body))
  })
})

describe('sdte export --format srt on real transcripts in other shapes', { timeout: spawnTimeoutMs }, () => {
  const cases: Array<[RealName, ShapeOptions]> = [
    ['kate-darling-ted.dpe.json', { unit: 'ticks' }],
    ['soleio-interview.dpe.json', { unit: 'milliseconds', confidenceScale: 100 }],
    ['today-in-focus.amazon-transcribe.json', { sparse: true }],
    ['ted-talk.speechmatics.json', { originalOnly: true, unit: 'milliseconds' }]
  ]

  it('every word once, in order, fetched from the server (one batch)', async () => {
    const bodies = cases.map(([name, options], k) => {
      const body = { ...otherShape(name, options), taskId: 7100 + k }
      server.serve({ kind: 'transcript', taskId: 7100 + k, body: JSON.stringify(body) })
      return body
    })
    const outDir = join(dir, 'real-srt')
    const run = await sdte(['export', '--tasks', cases.map((_, k) => 7100 + k).join(','), '--format', 'srt', '--out-dir', outDir])
    expect([run.code, run.stderr]).toEqual([0, ''])
    for (let k = 0; k < cases.length; k++) {
      expect([cases[k][0], srtTokens(await readFile(join(outDir, `${7100 + k}.srt`), 'utf8'))]).toEqual([cases[k][0], expectedTokens(bodies[k])])
    }
  })

  it('and from a saved file, the small documented transcript in ticks', async () => {
    const path = join(dir, 'small-ticks.json')
    await writeFile(path, JSON.stringify(smallTranscript({ unit: 'ticks', confidenceScale: 100 })))
    const run = await sdte(['export', '--input', path, '--format', 'srt'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(srtTokens(run.stdout)).toEqual(smallTokens())
    // "Good" is spoken at 0.52 s: read as anything but ticks it would be hours away.
    const first = /^1\n00:00:(\d\d),(\d{3}) --> /.exec(run.stdout)
    expect(first).not.toBeNull()
    expect(Math.abs(Number(first![1]) * 1000 + Number(first![2]) - 520)).toBeLessThanOrEqual(100)
  })
})

describe('sdte export failures: one line, documented exit code', { timeout: spawnTimeoutMs }, () => {
  it('an unknown task exits 4 and leaves no file', async () => {
    const out = join(dir, 'missing.srt')
    const run = await sdte(['export', '--external-id', 'nobody here', '--format', 'srt', '--out', out])
    failedWith(run, 4)
    expect(run.stderr).toContain('"nobody here"')
    expect((await readdir(dir)).filter((f) => f.startsWith('missing') || f.endsWith('.tmp'))).toEqual([])
  })

  it('wrong credentials (invalid_client as 401) and a refused pasted token exit 3', async () => {
    server.config.invalidClientStatus = 401
    server.serve({ kind: 'transcript', taskId: 5001, body: JSON.stringify(smallTranscript()) })
    const runs = [
      await sdte(['export', '--task', '5001', '--format', 'json'], { SDTE_CLIENT_SECRET: 'not it' }),
      await sdte(['export', '--task', '5001', '--format', 'json'], { SDTE_CLIENT_ID: undefined, SDTE_CLIENT_SECRET: undefined, SDTE_TOKEN: 'expired.token' })
    ]
    for (const run of runs) failedWith(run, 3)
    expect(runs.map((r) => r.stdout)).toEqual(['', ''])
  })

  it('a server that keeps failing exits 5; a body that is not an export exits 6', async () => {
    server.serve({ kind: 'transcript', taskId: 5001, body: JSON.stringify(smallTranscript()) })
    server.next(...Array.from({ length: 4 }, () => ({ route: 'export' as const, status: 503, headers: { 'Retry-After': '0' }, body: 'Service Unavailable\nTry later' })))
    failedWith(await sdte(['export', '--task', '5001', '--format', 'json']), 5)
    server.next({ route: 'export', status: 200, body: '{"taskId": 5001, "transcript": {"transcripts": [{"start": "zero"}]}}' })
    failedWith(await sdte(['export', '--task', '5001', '--format', 'srt']), 6)
  })

  it('a server message with line breaks still makes one line', async () => {
    const refusal = { route: 'token' as const, status: 400, body: '{"error":"invalid_grant\\nsecond line\\r\\n third"}', headers: { 'Content-Type': 'application/json' } }
    server.next(refusal)
    const run = await sdte(['qc', '--task', '5001'])
    failedWith(run, 3)
    expect(run.stderr).toContain('invalid_grant second line third')
  })

  it('a token endpoint that is briefly unavailable, then a 401 with a challenge, still succeed', async () => {
    const body = JSON.stringify(smallTranscript())
    server.serve({ kind: 'transcript', taskId: 5001, body })
    server.next({ route: 'token', status: 503, headers: { 'Retry-After': '0' } }, { route: 'export', status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } })
    const run = await sdte(['export', '--task', '5001', '--format', 'json'])
    expect([run.code, run.stderr, run.stdout]).toEqual([0, '', body])
  })

  it('a batch with one missing task writes the others and exits 4 with one line for it', async () => {
    server.serve({ kind: 'transcript', taskId: 5001, body: JSON.stringify(smallTranscript({ taskId: 5001 })) })
    server.serve({ kind: 'transcript', taskId: 5002, body: JSON.stringify(smallTranscript({ taskId: 5002, unit: 'milliseconds' })) })
    const outDir = join(dir, 'batch')
    const run = await sdte(['export', '--tasks', '5001,999,5002', '--format', 'srt', '--out-dir', outDir])
    expect(run.code).toBe(4)
    expect(run.stderr).toMatch(/^sdte: task 999: [^\n]+\n$/)
    expect((await readdir(outDir)).sort()).toEqual(['5001.srt', '5002.srt'])
    for (const f of ['5001.srt', '5002.srt']) expect(srtTokens(await readFile(join(outDir, f), 'utf8'))).toEqual(smallTokens())
  })
})
