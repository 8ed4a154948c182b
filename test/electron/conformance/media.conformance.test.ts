import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMediaService } from '../../../electron/services/media/media-cache'
import { createDocumentFileCache } from '../../../electron/services/documents/document-file-cache'
import { useDocServer } from './use-doc-server'

/*
 * The media service and the document file cache against doc-docs.server.ts's SAS-style blob URLs: no
 * bearer token is sent, a redirect is followed, a gzip-encoded answer or one that ignores Range
 * still gives the whole file, 403/404/null read as expired/missing/none, and a blob store's
 * generic Content-Type does not hide what the file is.
 */

const docs = useDocServer()

describe('media URLs (docs/api.md#recording-urls)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdte-conformance-media-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const mp3 = () => {
    const bytes = new Uint8Array(64 * 1024)
    bytes.set([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0])
    for (let i = 10; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff
    return bytes
  }

  it.each([
    ['plain', {}],
    ['through a redirect', { mediaRedirects: true }],
    ['gzip-encoded', { mediaGzip: true }],
    ['with Range ignored', { mediaIgnoresRange: true }]
  ])('downloads a SAS URL %s, without a bearer token', async (_label, config) => {
    Object.assign(docs.server.config, config)
    const bytes = mp3()
    const url = docs.server.addMedia(`rec ${_label}.mp3`, bytes, 'audio/mpeg')
    const media = createMediaService({ fetch: globalThis.fetch, cacheDir: join(dir, _label), apiBaseUrl: () => docs.server.baseUrl })
    const result = await media.resolve(5001, url)
    expect(result).toMatchObject({ status: 'ready', size: bytes.length, contentType: 'audio/mpeg' })
    if (result.status === 'ready') expect(new Uint8Array(await readFile(result.path))).toEqual(bytes)
    expect(docs.server.requests.every((r) => r.headers.authorization === undefined)).toBe(true)
  })

  it('an expired URL is "expired", a deleted file "missing", a null URL "none"', async () => {
    const media = createMediaService({ fetch: globalThis.fetch, cacheDir: join(dir, 'states'), apiBaseUrl: () => docs.server.baseUrl })
    expect(await media.resolve(1, docs.server.addMedia('old.mp3', mp3(), 'audio/mpeg', { expired: true }))).toEqual({ status: 'expired' })
    const gone = docs.server.addMedia('gone.mp3', mp3(), 'audio/mpeg')
    docs.server.deleteMedia('gone.mp3')
    expect(await media.resolve(2, gone)).toEqual({ status: 'missing' })
    expect(await media.resolve(3, null)).toEqual({ status: 'none' })
  })

  it.each([
    ['application/octet-stream and no extension', 'scan-001', 'application/octet-stream', 'application/pdf'],
    ['image/jpg', 'photo', 'image/jpg', 'image/jpeg']
  ])('a document file served as %s is kept as what it is', async (_label, name, served, expected) => {
    const bytes = expected === 'application/pdf' ? new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n') : Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9])
    const url = docs.server.addMedia(name, bytes, served)
    const cache = createDocumentFileCache({ fetch: globalThis.fetch, cacheDir: join(dir, 'documents', name), apiBaseUrl: () => docs.server.baseUrl })
    const result = await cache.resolve(6001, url)
    expect(result).toMatchObject({ status: 'ready', contentType: expected, size: bytes.length })
    expect(await cache.cached(6001)).toMatchObject({ contentType: expected })
  })
})

