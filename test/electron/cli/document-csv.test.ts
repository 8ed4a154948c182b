import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask, seedIds } from '../../fake-api/seeds'
import { parseCsv } from '../../fixtures/documents/parse-csv'
import { documentExportSchema } from '../../../shared/api/document-export'
import { flattenDocument } from '../../../shared/document/flatten'
import { documentRecords } from '../../../shared/document/csv'
import { spawnSdte } from './spawn-sdte'
import type { SdteRun } from './spawn-sdte'

/*
 * `sdte export --kind document --format csv`, spawned against the fake API: the CSV parses back
 * (RFC 4180) to the same records the app exports.
 */

const repo = resolve(import.meta.dirname, '../../..')
const secret = 'doc-cli-secret-9'
let fake: FakeApi
let dir: string

beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'doc-cli', clientSecret: secret, tasks: [documentTask()] })
  dir = await mkdtemp(join(tmpdir(), 'sdte-doc-cli-'))
})
afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

function sdte(args: string[]): Promise<SdteRun> {
  return spawnSdte(args, {
    cwd: repo,
    env: { HOME: dir, SDTE_BASE_URL: fake.baseUrl, SDTE_CLIENT_ID: 'doc-cli', SDTE_CLIENT_SECRET: secret, SDTE_LOG_DIR: join(dir, 'logs') }
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
