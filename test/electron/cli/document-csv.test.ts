import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask, seedIds } from '../../fake-api/seeds'
import { parseCsv } from '../../fixtures/documents/parse-csv'
import { documentExportSchema } from '../../../shared/api/document-export'
import { flattenDocument } from '../../../shared/document/flatten'
import { documentRecords } from '../../../shared/document/csv'

/*
 * `sdte export --kind document --format csv`, spawned against the fake API: the CSV parses back
 * (RFC 4180) to the same records the app exports. The entry registers the document formats
 * before running the real CLI, so the test holds whether or not main.ts imports them yet.
 */

const repo = resolve(import.meta.dirname, '../../..')
const secret = 'doc-cli-secret-9'
let fake: FakeApi
let dir: string
let entry: string

beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'doc-cli', clientSecret: secret, tasks: [documentTask()] })
  dir = await mkdtemp(join(tmpdir(), 'sdte-doc-cli-'))
  entry = join(dir, 'entry.mjs')
  const url = (p: string) => JSON.stringify(new URL(`file://${join(repo, p)}`).href)
  await writeFile(entry, [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}`,
    'register()',
    `await import(${url('electron/cli/document-formats.ts')})`,
    `const { runFromProcess } = await import(${url('electron/cli/main.ts')})`,
    'await runFromProcess()'
  ].join('\n'))
})
afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

function sdte(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: dir, SDTE_BASE_URL: fake.baseUrl, SDTE_CLIENT_ID: 'doc-cli', SDTE_CLIENT_SECRET: secret, SDTE_LOG_DIR: join(dir, 'logs') }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

describe('sdte export --kind document --format csv', () => {
  it('writes a BOM-prefixed RFC 4180 CSV that parses back to the document records', async () => {
    const out = join(dir, 'invoice.csv')
    const run = await sdte(['export', '--task', String(seedIds.document.taskId), '--kind', 'document', '--format', 'csv', '--out', out])
    expect([run.code, run.stderr]).toEqual([0, ''])
    const bytes = await readFile(out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const records = parseCsv(bytes.toString('utf8'))
    const expected = documentRecords(flattenDocument(documentExportSchema.parse(JSON.parse(fake.bodyOf('document', seedIds.document.taskId)))))
    expect(records).toEqual(expected)
    expect(records.find((r) => r[0] === 'table' && r[4] === '1' && r[5] === '4')?.[7]).toBe('144.00')
  })

  it('refuses csv for a transcript task with a usage message', async () => {
    const run = await sdte(['export', '--task', '1', '--format', 'csv'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('cannot render a transcript task')
  })
})
