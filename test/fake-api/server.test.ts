import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, parseRange, type FakeApi } from './server'
import { documentTask, makeToneWav, sampleTranscriptTask, seedIds } from './seeds'
import { documentExportSchema } from '../../shared/api/document-export'
import { transcriptExportSchema } from '../../shared/api/transcript-export'

let fake: FakeApi
let dir: string
let now = Date.parse('2026-03-01T12:00:00Z')
const wav = makeToneWav(2)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-fake-'))
  await writeFile(join(dir, 'sample.wav'), wav)
  fake = await createFakeApi({ clientId: 'cid', clientSecret: 'csecret', expiresInS: 60, media: { 'sample.wav': join(dir, 'sample.wav') }, mediaTtlMs: 600_000, clock: () => now })
})
afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})
afterEach(() => fake.reset())

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString()
})
const good = { grant_type: 'client_credentials', scope: 'WebAPI', client_id: 'cid', client_secret: 'csecret' }
async function token(): Promise<string> {
  const res = await fetch(`${fake.baseUrl}/connect/token`, form(good))
  return ((await res.json()) as { access_token: string }).access_token
}
const get = async (path: string, bearer?: string) => fetch(`${fake.baseUrl}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} })
const T = '/api/v1.0/external/sdtask/GetExportData/Transcript'
const D = '/api/v1.0/external/sdtask/GetExportData'

describe('fake API: token endpoint', () => {
  it('issues a bearer token for the right form', async () => {
    const res = await fetch(`${fake.baseUrl}/connect/token`, form(good))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ token_type: 'Bearer', scope: 'WebAPI', expires_in: 60, access_token: expect.any(String) })
    expect(fake.counters.tokenRequests).toBe(1)
  })

  it.each([
    [{ ...good, client_secret: 'nope' }, 'invalid_client'],
    [{ ...good, client_id: 'other' }, 'invalid_client'],
    [{ ...good, scope: 'Other' }, 'invalid_scope'],
    [{ ...good, grant_type: 'password' }, 'unsupported_grant_type']
  ])('refuses %o with %s (RFC 6749 body, 400)', async (fields, error) => {
    const res = await fetch(`${fake.baseUrl}/connect/token`, form(fields))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error })
  })

  it('requires a form-encoded body', async () => {
    const res = await fetch(`${fake.baseUrl}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(good) })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'invalid_request' })
  })
})

describe('fake API: export endpoints', () => {
  it('serves a transcript by taskId, by externalId (path 0), and by both, with identical bytes', async () => {
    const t = await token()
    const byId = await get(`${T}/${seedIds.sample.taskId}`, t)
    const byExt = await get(`${T}/0?externalId=${seedIds.sample.externalId}`, t)
    const both = await get(`${T}/${seedIds.sample.taskId}?EXTERNALID=${seedIds.sample.externalId}`, t)
    const bodies = await Promise.all([byId, byExt, both].map((r) => r.text()))
    expect([byId.status, byExt.status, both.status]).toEqual([200, 200, 200])
    expect(new Set(bodies).size).toBe(1)
    expect(bodies[0]).toBe(fake.bodyOf('transcript', seedIds.sample.taskId))
    expect(transcriptExportSchema.safeParse(JSON.parse(bodies[0])).success).toBe(true)
  })

  it('serves every seeded real transcript and the document, all valid by schema', async () => {
    const t = await token()
    for (const task of fake.tasks) {
      const res = await get(task.kind === 'transcript' ? `${T}/${task.taskId}` : `${D}/${task.taskId}`, t)
      expect(res.status).toBe(200)
      const schema = task.kind === 'transcript' ? transcriptExportSchema : documentExportSchema
      expect(schema.safeParse(await res.json()).success).toBe(true)
    }
    expect(fake.tasks.some((t) => t.taskId === 41003)).toBe(true)
  })

  it('the document has key-values, a table, a QR code and a template-builder field on 2 pages', () => {
    const doc = documentExportSchema.parse(documentTask().body)
    const entities = doc.chunks!.flatMap((c) => c.entities ?? [])
    expect(doc.totalPages).toBe(2)
    expect(new Set(entities.map((e) => e.pageNumber))).toEqual(new Set([1, 2]))
    expect(entities.some((e) => (e.keyValues?.length ?? 0) > 0)).toBe(true)
    expect(entities.find((e) => e.table)?.table?.tableHeaders).toHaveLength(4)
    expect(entities.find((e) => e.qrCode)?.qrCode?.keyValues?.[0].childTemporaryId).toBeTruthy()
    expect(entities.find((e) => e.templateBuilderField)?.templateBuilderField?.table?.tableRows).toBeTruthy()
  })

  it('answers 400/401/404 with empty bodies', async () => {
    const t = await token()
    const cases: Array<[string, string | undefined, number]> = [
      [`${T}/0`, t, 400],
      [`${T}/`, t, 400],
      [`${T}/abc`, t, 400],
      [`${T}/999999`, t, 404],
      [`${T}/0?externalId=nope`, t, 404],
      [`${T}/${seedIds.sample.taskId}?externalId=wrong`, t, 404],
      [`${T}/${seedIds.document.taskId}`, t, 404],
      [`${D}/${seedIds.sample.taskId}`, t, 404],
      [`${T}/${seedIds.sample.taskId}`, undefined, 401],
      [`${T}/${seedIds.sample.taskId}`, 'forged', 401]
    ]
    for (const [path, bearer, status] of cases) {
      const res = await get(path, bearer)
      expect([path, res.status]).toEqual([path, status])
      expect(await res.text()).toBe('')
    }
  })

  it('expires tokens on its clock', async () => {
    const t = await token()
    now += 61_000
    expect((await get(`${T}/${seedIds.sample.taskId}`, t)).status).toBe(401)
  })

  it('switches: 5xx burst, persistent 500, 429 with Retry-After, malformed bodies, latency', async () => {
    const t = await token()
    const path = `${T}/${seedIds.sample.taskId}`
    fake.switches.burst5xx = 2
    expect([(await get(path, t)).status, (await get(path, t)).status, (await get(path, t)).status]).toEqual([503, 503, 200])
    fake.switches.persistent500 = true
    expect((await get(path, t)).status).toBe(500)
    fake.switches.persistent500 = false
    fake.switches.rateLimit = 1
    fake.switches.retryAfter = '2'
    const limited = await get(path, t)
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2'])
    fake.switches.malformed = 1
    const broken = await (await get(path, t)).text()
    expect(() => JSON.parse(broken)).toThrow()
    expect(JSON.parse(await (await get(path, t)).text()).taskId).toBe(seedIds.sample.taskId)
    const control = await fetch(`${fake.baseUrl}/__fake/switches`, { method: 'POST', body: JSON.stringify({ latencyMs: 5 }) })
    expect(control.status).toBe(200)
    expect(fake.switches.latencyMs).toBe(5)
  })

  it('adds tasks at runtime', async () => {
    fake.addTask({ ...sampleTranscriptTask(), taskId: 5, externalId: 'five', body: { ...sampleTranscriptTask().body, taskId: 5 } })
    const res = await get(`${T}/0?externalid=five`, await token())
    expect(((await res.json()) as { taskId: number }).taskId).toBe(5)
  })
})

describe('fake API: signed media URLs', () => {
  const mediaUrl = () => JSON.parse(fake.bodyOf('transcript', seedIds.sample.taskId)).originalFileUrl as string

  it('puts a signed URL in originalFileUrl and serves the file without a bearer', async () => {
    const res = await fetch(mediaUrl())
    expect(res.status).toBe(200)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('content-type')).toBe('audio/wav')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(wav)
  })

  it('answers Range requests with 206 and Content-Range, 416 when unsatisfiable, and HEAD', async () => {
    const url = mediaUrl()
    const part = await fetch(url, { headers: { range: 'bytes=44-143' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 44-143/${wav.length}`)
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(wav.slice(44, 144))
    const tail = await fetch(url, { headers: { range: 'bytes=-10' } })
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(wav.slice(-10))
    const open = await fetch(url, { headers: { range: `bytes=${wav.length - 5}-` } })
    expect(open.headers.get('content-range')).toBe(`bytes ${wav.length - 5}-${wav.length - 1}/${wav.length}`)
    await open.arrayBuffer()
    const bad = await fetch(url, { headers: { range: `bytes=${wav.length}-` } })
    expect(bad.status).toBe(416)
    expect(bad.headers.get('content-range')).toBe(`bytes */${wav.length}`)
    const head = await fetch(url, { method: 'HEAD' })
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(wav.length)])
  })

  it('403 for a bad signature or after expiry, 404 after deletion', async () => {
    const url = mediaUrl()
    expect((await fetch(url.replace(/sig=[0-9a-f]/, 'sig=x'))).status).toBe(403)
    expect((await fetch(fake.signMediaUrl('sample.wav', 1000))).status).toBe(200)
    const short = fake.signMediaUrl('sample.wav', 1000)
    now += 2000
    expect((await fetch(short)).status).toBe(403)
    fake.deleteMedia('sample.wav')
    expect((await fetch(fake.signMediaUrl('sample.wav'))).status).toBe(404)
    fake.addMedia('sample.wav', join(dir, 'sample.wav'))
  })

  it('parseRange', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual([0, 0])
    expect(parseRange('bytes=5-100', 10)).toEqual([5, 9])
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9])
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable')
    expect(parseRange('bytes=5-2', 10)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-1,3-4', 10)).toBeNull()
    expect(parseRange('items=0-1', 10)).toBeNull()
  })
})
