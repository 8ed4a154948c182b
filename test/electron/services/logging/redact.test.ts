import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createRedactor, redact } from '../../../../electron/services/logging/redact'
import { createFileLogger } from '../../../../electron/services/logging/file-logger'

describe('redact', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOi.abc-def_ghi', 'Authorization: [REDACTED]'],
    ['{"authorization":"Bearer abc.def"}', '{"authorization":"[REDACTED]"}'],
    ['sent bearer abc.def+/= to the API', 'sent Bearer [REDACTED] to the API'],
    ['{"access_token":"eyJ0eXAi.x.y","expires_in":3600}', '{"access_token":"[REDACTED]","expires_in":3600}'],
    ['grant_type=client_credentials&client_id=abc&client_secret=hunter2&scope=WebAPI', 'grant_type=client_credentials&client_id=abc&client_secret=[REDACTED]&scope=WebAPI'],
    ['{"client_secret": "hu\\"nter2"}', '{"client_secret": "[REDACTED]"}'],
    ['GET https://blob.example.net/media/a%20b.mp3?sv=2022&se=2026-01-01&sig=abc%2Bdef done', 'GET https://blob.example.net/media/a%20b.mp3?[REDACTED] done'],
    ['{"originalFileUrl":"https://x.blob.core.windows.net/c/f.wav?sp=r&sig=zz"}', '{"originalFileUrl":"https://x.blob.core.windows.net/c/f.wav?[REDACTED]"}'],
    ['nothing secret here: task 123 at https://cloud.smartdocumentor.net/api/v1.0', 'nothing secret here: task 123 at https://cloud.smartdocumentor.net/api/v1.0']
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it('masks registered literal secrets anywhere, longest first', () => {
    const r = createRedactor()
    r.addSecret('my-client-secret-1')
    r.addSecret('secret-1')
    r.addSecret('ab') // too short to mask safely: ignored
    expect(r.redact('error: my-client-secret-1 / secret-1 / ab')).toBe('error: [REDACTED] / [REDACTED] / ab')
    r.removeSecret('secret-1')
    expect(r.redact('secret-1')).toBe('secret-1')
  })
})

describe('registered secrets in their escaped spellings', () => {
  it('masks a secret JSON-escaped (as a log line writes it), escaped twice, and form-encoded', () => {
    const secret = 'pa"ss\\wo\nrd-42'
    const r = createRedactor()
    r.addSecret(secret)
    const once = JSON.stringify({ error: `refused ${secret}` })
    const twice = JSON.stringify({ detail: once })
    const form = new URLSearchParams({ client_id: 'x', note: secret }).toString()
    for (const line of [once, twice, form, encodeURIComponent(secret)]) {
      const out = r.redact(line)
      expect(out).toContain('[REDACTED]')
      expect(out).not.toContain('wo\\nrd-42')
      expect(out).not.toContain('pa')
    }
  })
})

describe('file logger', () => {
  let dir = ''
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('writes redacted lines and rotates by size, keeping N files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdte-log-'))
    const redactor = createRedactor()
    redactor.addSecret('tok-SECRET-123')
    const logger = createFileLogger({ dir, redactor, maxBytes: 400, keep: 2, clock: () => 0 })
    for (let i = 0; i < 30; i++) logger.info(`request ${i} with tok-SECRET-123`, { header: 'Authorization: Bearer tok-SECRET-123', i })
    logger.debug('dropped below the level')
    const files = (await readdir(dir)).sort()
    expect(files).toEqual(['sdte.1.log', 'sdte.2.log', 'sdte.log'])
    const all = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('')
    expect(all).not.toContain('tok-SECRET-123')
    expect(all).toContain('[REDACTED]')
    expect(all).toContain('request 29')
    expect(all).not.toContain('dropped below')
    for (const f of files) expect((await readFile(join(dir, f))).length).toBeLessThanOrEqual(400)
  })

  it('a secret with a quote or line break is masked in the JSON the logger writes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdte-log-'))
    const redactor = createRedactor()
    const secret = 'tok\nwith"quote-SECRET'
    redactor.addSecret(secret)
    const logger = createFileLogger({ dir, redactor, clock: () => 0 })
    logger.warn('header refused', { value: `Bearer ${secret}`, echoed: secret })
    const text = await readFile(join(dir, 'sdte.log'), 'utf8')
    expect(text).not.toContain('SECRET')
    expect(text).toContain('[REDACTED]')
  })
})
