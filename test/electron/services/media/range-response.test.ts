import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, rm, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { mediaRequestHandler, parseRange, rangeResponse, serveOverHttp } from '../../../../electron/services/media/range-response'
import { ensureFormat, ensureSpeechWav } from '../../../fixtures/audio/generate'

let dir: string
let wavPath: string
let wav: Buffer
let bigPath: string
const bigSize = 64 * 1024 * 1024

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-range-'))
  wavPath = await ensureSpeechWav()
  wav = await readFile(wavPath)
  // A sparse 64 MiB file: big enough that buffering it whole would show in the heap.
  bigPath = join(dir, 'big.mp3')
  const handle = await open(bigPath, 'w')
  await handle.truncate(bigSize)
  await handle.write(Buffer.from('THE-END'), 0, 7, bigSize - 7)
  await handle.close()
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const get = (headers: Record<string, string> = {}, method = 'GET'): Request =>
  new Request('sdte-media://task/1', { method, headers })

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', 100, { kind: 'range', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'range', start: 0, end: 99 }],
    ['bytes=50-500', 100, { kind: 'range', start: 50, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=9-3', 100, { kind: 'none' }],
    ['bytes=0-1,5-6', 100, { kind: 'none' }],
    ['items=0-1', 100, { kind: 'none' }],
    ['bytes=-', 100, { kind: 'none' }]
  ] as const)('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected)
  })

  it('no header', () => {
    expect(parseRange(null, 10)).toEqual({ kind: 'none' })
  })
})

describe('rangeResponse on a real file', () => {
  it('answers 200 with the whole file and Accept-Ranges without a Range', async () => {
    const res = await rangeResponse(get(), { path: wavPath })
    expect(res.status).toBe(200)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('content-type')).toBe('audio/wav')
    expect(res.headers.get('content-length')).toBe(String(wav.length))
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true)
  })

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=1000-', 1000, null],
    ['bytes=-1234', -1234, null],
    ['bytes=44-44', 44, 44]
  ] as const)('answers 206 for %s with the exact bytes', async (range, from, to) => {
    const res = await rangeResponse(get({ Range: range }), { path: wavPath })
    const start = from < 0 ? wav.length + from : from
    const end = to ?? wav.length - 1
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${wav.length}`)
    expect(res.headers.get('content-length')).toBe(String(end - start + 1))
    expect(Buffer.from(await res.arrayBuffer()).equals(wav.subarray(start, end + 1))).toBe(true)
  })

  it('answers 416 with bytes */size when the range starts past the end', async () => {
    const res = await rangeResponse(get({ Range: `bytes=${wav.length}-` }), { path: wavPath })
    expect(res.status).toBe(416)
    expect(res.headers.get('content-range')).toBe(`bytes */${wav.length}`)
    expect(await res.text()).toBe('')
  })

  it('answers HEAD with headers and no body', async () => {
    const whole = await rangeResponse(get({}, 'HEAD'), { path: wavPath })
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-length')).toBe(String(wav.length))
    expect(whole.body).toBeNull()
    const part = await rangeResponse(get({ Range: 'bytes=10-19' }, 'HEAD'), { path: wavPath })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${wav.length}`)
    expect(part.body).toBeNull()
  })

  it('ignores Range when If-Range names another version', async () => {
    const res = await rangeResponse(get({ Range: 'bytes=0-9', 'If-Range': '"stale"' }), { path: wavPath })
    expect(res.status).toBe(200)
    await res.body?.cancel()
    const etag = res.headers.get('etag')!
    const fresh = await rangeResponse(get({ Range: 'bytes=0-9', 'If-Range': etag }), { path: wavPath })
    expect(fresh.status).toBe(206)
    await fresh.body?.cancel()
  })

  it('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await rangeResponse(get(), { path: join(dir, 'nope.mp3') })).status).toBe(404)
    const post = await rangeResponse(new Request('sdte-media://task/1', { method: 'POST', body: 'x' }), { path: wavPath })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })

  it.each([
    ['mp3', 'audio/mpeg'],
    ['m4a', 'audio/mp4'],
    ['ogg', 'audio/ogg'],
    ['opus', 'audio/ogg'],
    ['flac', 'audio/flac'],
    ['webm', 'video/webm'],
    ['mp4', 'video/mp4'],
    ['aac', 'audio/aac']
  ] as const)('serves .%s as %s', async (format, type) => {
    const path = await ensureFormat(format)
    const res = await rangeResponse(get({}, 'HEAD'), { path })
    expect(res.headers.get('content-type')).toBe(type)
  })

  it('streams a big file without reading it whole', async () => {
    const res = await rangeResponse(get(), { path: bigPath })
    expect(res.headers.get('content-length')).toBe(String(bigSize))
    const reader = res.body!.getReader()
    const first = await reader.read()
    // Change the file's last bytes after the first chunk: a handler that had read the file
    // whole up front would still deliver the old ending; a streaming one delivers the new.
    const handle = await open(bigPath, 'r+')
    await handle.write(Buffer.from('NEW-END'), 0, 7, bigSize - 7)
    await handle.close()
    let total = first.value!.length
    let largestChunk = total
    let tail = Buffer.from(first.value!).subarray(-7)
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.length
      largestChunk = Math.max(largestChunk, value.length)
      tail = Buffer.concat([tail, Buffer.from(value)]).subarray(-7)
    }
    const restore = await open(bigPath, 'r+')
    await restore.write(Buffer.from('THE-END'), 0, 7, bigSize - 7)
    await restore.close()
    expect(total).toBe(bigSize)
    expect(tail.toString()).toBe('NEW-END')
    expect(largestChunk).toBeLessThanOrEqual(256 * 1024)
  })

  it('cancelling the body mid-way is clean', async () => {
    const res = await rangeResponse(get({ Range: 'bytes=1000000-' }), { path: bigPath })
    const reader = res.body!.getReader()
    const first = await reader.read()
    expect(first.value!.length).toBeGreaterThan(0)
    await reader.cancel()
  })
})

describe('served over loopback HTTP', () => {
  let server: Server
  let base: string

  beforeAll(async () => {
    const files: Record<string, string> = { speech: wavPath, big: bigPath }
    const handler = mediaRequestHandler((url) => {
      const path = files[url.pathname.slice(1)]
      return path ? { path } : null
    })
    server = createServer(serveOverHttp(handler))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('serves 200, 206, 416, HEAD and 404 through fetch', async () => {
    const whole = await fetch(`${base}/speech`)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await whole.arrayBuffer()).equals(wav)).toBe(true)

    const part = await fetch(`${base}/speech`, { headers: { Range: 'bytes=-100' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes ${wav.length - 100}-${wav.length - 1}/${wav.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.subarray(-100))).toBe(true)

    const bad = await fetch(`${base}/speech`, { headers: { Range: 'bytes=999999999-' } })
    expect(bad.status).toBe(416)
    expect(bad.headers.get('content-range')).toBe(`bytes */${wav.length}`)

    const head = await fetch(`${base}/speech`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(wav.length))

    expect((await fetch(`${base}/nothing`)).status).toBe(404)
  })

  it('streams a big file to a client that reads it all, and survives one that aborts', async () => {
    const controller = new AbortController()
    const aborted = await fetch(`${base}/big`, { signal: controller.signal })
    const reader = aborted.body!.getReader()
    await reader.read()
    controller.abort()
    await reader.read().catch(() => undefined)

    const res = await fetch(`${base}/big`, { headers: { Range: `bytes=${bigSize - 1024 * 1024}-` } })
    expect(res.status).toBe(206)
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBe(1024 * 1024)
    expect(body.subarray(-7).toString()).toBe('THE-END')
  })

  it('passes a handler failure on as 500', async () => {
    const failing = createServer(serveOverHttp(() => Promise.reject(new Error('boom'))))
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve))
    const port = (failing.address() as AddressInfo).port
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(500)
    failing.closeAllConnections()
    await new Promise((resolve) => failing.close(resolve))
  })
})
