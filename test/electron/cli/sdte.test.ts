import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask, realTranscriptTasks, sampleTranscriptTask, seedIds } from '../../fake-api/seeds'
import { main } from '../../../electron/cli/main'
import { spawnSdte } from './spawn-sdte'
import type { SdteRun } from './spawn-sdte'

/*
 * `sdte` end to end: spawns `node bin/sdte.js` (the same entry `npx sdte` runs) against the fake
 * API on 127.0.0.1 and checks files, stdout, stderr and exit codes.
 */

const secret = 'cli-secret-value-42'
let fake: FakeApi
let dir: string

beforeAll(async () => {
  // One real sample (kate-darling) besides the small seeds keeps start-up quick.
  fake = await createFakeApi({ clientId: 'cli-client', clientSecret: secret, tasks: [sampleTranscriptTask(), documentTask(), realTranscriptTasks()[0]] })
  const extra = sampleTranscriptTask()
  fake.addTask({ ...extra, taskId: 1002, externalId: 'SDTE-SAMPLE-2', body: { ...extra.body, taskId: 1002, displayName: 'Second sample' } })
  dir = await mkdtemp(join(tmpdir(), 'sdte-cli-'))
})
afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})
afterEach(() => fake.reset())

function sdte(args: string[], env: Record<string, string | undefined> = {}): Promise<SdteRun> {
  return spawnSdte(args, {
    cwd: dir,
    env: { HOME: dir, SDTE_BASE_URL: fake.baseUrl, SDTE_CLIENT_ID: 'cli-client', SDTE_CLIENT_SECRET: secret, SDTE_LOG_DIR: join(dir, 'logs'), ...env }
  })
}

const noTempFiles = async (folder: string) => (await readdir(folder)).filter((f) => f.endsWith('.tmp'))

describe('sdte export', () => {
  it('--help prints usage and exits 0', async () => {
    const run = await sdte(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('sdte export --task <id>')
  })

  it('writes exactly what the server sent, for a taskId (file) and an externalId (stdout)', async () => {
    const out = join(dir, 'by-id.json')
    const a = await sdte(['export', '--task', '41001', '--format', 'json', '--out', out])
    expect([a.code, a.stderr]).toEqual([0, ''])
    expect(await readFile(out, 'utf8')).toBe(fake.bodyOf('transcript', 41001))
    const b = await sdte(['export', '--external-id', seedIds.sample.externalId, '--format', 'json', '--out', '-'])
    expect(b.code).toBe(0)
    expect(b.stdout).toBe(fake.bodyOf('transcript', seedIds.sample.taskId))
    const c = await sdte(['export', '--external-id', seedIds.document.externalId, '--kind', 'document', '--format=json', '--out', join(dir, 'doc.json')])
    expect(c.code).toBe(0)
    expect(await readFile(join(dir, 'doc.json'), 'utf8')).toBe(fake.bodyOf('document', seedIds.document.taskId))
  })

  it('works with a pasted token', async () => {
    const run = await sdte(['export', '--task', String(seedIds.sample.taskId), '--format', 'json'], { SDTE_CLIENT_ID: undefined, SDTE_CLIENT_SECRET: undefined, SDTE_TOKEN: fake.issueToken() })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(fake.bodyOf('transcript', seedIds.sample.taskId))
    expect(fake.counters.tokenRequests).toBe(0)
  })

  it('unknown task exits 4 with one line, and leaves no file', async () => {
    const out = join(dir, 'missing.json')
    const run = await sdte(['export', '--task', '987654', '--format', 'json', '--out', out])
    expect(run.code).toBe(4)
    expect(run.stderr).toBe('sdte: No transcript task with id 987654 in this organisation\n')
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('wrong secret exits 3; missing credentials exit 3', async () => {
    const run = await sdte(['export', '--task', '1001', '--format', 'json'], { SDTE_CLIENT_SECRET: 'wrong' })
    expect(run.code).toBe(3)
    expect(run.stderr).toBe('sdte: Client ID or secret is wrong or has expired\n')
    const none = await sdte(['export', '--task', '1001', '--format', 'json'], { SDTE_CLIENT_ID: undefined, SDTE_CLIENT_SECRET: undefined })
    expect(none.code).toBe(3)
    expect(none.stderr).toMatch(/SDTE_CLIENT_ID/)
  })

  it('a burst of two 500s is retried and succeeds; a persistent 500 exits 5 leaving nothing', async () => {
    fake.switches.burst5xx = 2
    const ok = await sdte(['export', '--task', '1001', '--format', 'json'])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toBe(fake.bodyOf('transcript', 1001))
    expect(fake.counters.exportRequests).toBe(3)
    fake.switches.persistent500 = true
    const out = join(dir, 'five-hundred.json')
    const bad = await sdte(['export', '--task', '1001', '--format', 'json', '--out', out])
    expect(bad.code).toBe(5)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/HTTP 500/)
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await noTempFiles(dir)).toEqual([])
  }, 30_000)

  it('a malformed body exits 6 and writes nothing', async () => {
    fake.switches.malformedAlways = true
    const out = join(dir, 'malformed.json')
    const run = await sdte(['export', '--task', '1001', '--format', 'json', '--out', out])
    expect(run.code).toBe(6)
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('a batch of three tasks makes ONE token request; a failed task writes nothing and sets the exit code', async () => {
    const outDir = join(dir, 'batch')
    const three = await sdte(['export', '--tasks', '1001,41001,1002', '--format', 'json', '--out-dir', outDir, '--kind', 'transcript'])
    expect([three.code, three.stderr]).toEqual([0, ''])
    expect(fake.counters.tokenRequests).toBe(1)
    expect(fake.counters.exportRequests).toBe(3)
    for (const id of [1001, 41001, 1002]) expect(await readFile(join(outDir, `${id}.json`), 'utf8')).toBe(fake.bodyOf('transcript', id))
    fake.reset()
    const mixed = join(dir, 'batch-mixed')
    const run = await sdte(['export', '--tasks', '1001,424242,1002', '--format', 'json', '--out-dir', mixed])
    expect(run.code).toBe(4)
    expect(run.stderr).toBe('sdte: task 424242: No transcript task with id 424242 in this organisation\n')
    expect(fake.counters.tokenRequests).toBe(1)
    expect((await readdir(mixed)).sort()).toEqual(['1001.json', '1002.json'])
  })

  it('a file-system failure exits 7 with no partial file', async () => {
    await writeFile(join(dir, 'not-a-dir'), 'x')
    const run = await sdte(['export', '--task', '1001', '--format', 'json', '--out', join(dir, 'not-a-dir', 'out.json')])
    expect(run.code).toBe(7)
    expect(run.stderr).toMatch(/^sdte: cannot write .*not-a-dir/)
  })

  it('--input re-exports a local file as is and checks it', async () => {
    const input = join(dir, 'input.json')
    await writeFile(input, fake.bodyOf('document', seedIds.document.taskId))
    const run = await sdte(['export', '--input', input, '--format', 'json'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(fake.bodyOf('document', seedIds.document.taskId))
    await writeFile(join(dir, 'bad-input.json'), '{"taskId":"x","transcript":{}}')
    const bad = await sdte(['export', '--input', 'bad-input.json', '--format', 'json'])
    expect(bad.code).toBe(6)
    expect(bad.stderr).toMatch(/taskId: /)
    expect((await sdte(['export', '--input', 'nope.json', '--format', 'json'])).code).toBe(7)
  })

  it('usage errors exit 2 with one line (spawned)', async () => {
    const run = await sdte(['export', '--task', '2001', '--kind', 'document', '--format', 'srt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^sdte: format "srt" cannot render a document task; for document tasks use: .*json.*\n$/)
  })

  it.each([
    [['export', '--task', '1001'], /--format is required/],
    [['export', '--task', '1001', '--format', 'pdfx'], /unknown format "pdfx"/],
    [['export', '--task', 'abc', '--format', 'json'], /not a task id/],
    [['export', '--task', '1', '--external-id', 'x', '--format', 'json'], /only one of/],
    [['export', '--tasks', '1,2', '--format', 'json'], /--out-dir/],
    [['export', '--task', '1', '--format', 'json', '--bogus'], /unknown option --bogus/],
    [['export', '--task', '1', '--format', 'json', '--base-url', 'http://example.com'], /https/],
    [['export', '--task', '1', '--format', 'json', '--kind', 'audio'], /--kind must be/],
    [['export', '--external-id', 'X', '--kind', 'document', '--format', 'json'], null],
    [['frobnicate'], /unknown command/],
    [['qc', '--task', '1', '--format', 'srt'], /--format does not apply to sdte qc/],
    [['qc', '--tasks', '1,2'], /one task/]
  ])('usage %j', async (args, message) => {
    const stderr: string[] = []
    const stdout: string[] = []
    const env = { SDTE_BASE_URL: fake.baseUrl, SDTE_TOKEN: 'x', SDTE_LOG_DIR: join(dir, 'logs') }
    const io = { stdout: { write: (c: string | Uint8Array, cb?: (e?: Error | null) => void) => (stdout.push(String(c)), cb?.(), true) }, stderr: { write: (c: string) => (stderr.push(c), true) }, env, cwd: dir }
    if (message === null) {
      // A well-formed command reaches the server: here the fake refuses the token "x".
      expect(await main(args, io)).toBe(3)
      return
    }
    expect(await main(args, io)).toBe(2)
    expect(stderr).toHaveLength(1)
    expect(stderr[0]).toMatch(message)
  })

  it('the log file holds neither the token nor the secret', async () => {
    const logDir = join(dir, 'logs-redaction')
    const token = fake.issueToken()
    fake.switches.burst5xx = 1
    expect((await sdte(['export', '--task', '1001', '--format', 'json'], { SDTE_LOG_DIR: logDir })).code).toBe(0)
    expect((await sdte(['export', '--task', '1001', '--format', 'json'], { SDTE_LOG_DIR: logDir, SDTE_CLIENT_ID: undefined, SDTE_CLIENT_SECRET: undefined, SDTE_TOKEN: token })).code).toBe(0)
    expect((await sdte(['export', '--task', '1001', '--format', 'json'], { SDTE_LOG_DIR: logDir, SDTE_CLIENT_SECRET: `${secret}-wrong` })).code).toBe(3)
    const files = await readdir(logDir)
    const log = (await Promise.all(files.map((f) => readFile(join(logDir, f), 'utf8')))).join('')
    expect(log).toMatch(/Access token issued/)
    expect(log).toMatch(/retrying/)
    expect(log).not.toContain(secret)
    expect(log).not.toContain(token)
    expect(log).not.toMatch(/fake\.[A-Za-z0-9_-]{20,}/)
    expect(log).not.toContain('sig=')
  }, 30_000)
})
