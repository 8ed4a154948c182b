import { describe, expect, it } from 'vitest'
import { ApiClient, type TokenSource } from '../../../../electron/services/api/api-client'
import { backoffDelay, defaultRetryPolicy, parseRetryAfter } from '../../../../electron/services/api/retry'
import { AppError } from '../../../../shared/errors'

/*
 * The API client with a scripted fetch, a fake token source and a fake sleep: no real time
 * passes. The fake sleep records backoff delays and, for the timeout, waits until aborted or
 * until the test fires it.
 */

const timeoutMs = 30_000
const body = JSON.stringify({ taskId: 7, displayName: 'T', transcript: { transcripts: [], speakers: [], annotations: [] }, futureField: { kept: true } })

type Step = Response | 'network' | 'hang' | ((signal: AbortSignal) => Promise<Response>)

function setup(steps: Step[], options: { tokenMode?: 'client-credentials' | 'token' } = {}) {
  const requests: Array<{ url: string; auth: string | null }> = []
  const sleeps: number[] = []
  const timeouts: Array<() => void> = []
  let tokenN = 1
  let tokenRequests = 0
  const auth: TokenSource = {
    getAccessToken: async () => {
      return `tok-${tokenN}`
    },
    invalidate: (token) => {
      if (options.tokenMode === 'token') return false
      if (token === `tok-${tokenN}`) {
        tokenN++
        tokenRequests++
      }
      return true
    }
  }
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') })
    const step = steps.shift()
    if (step === undefined) throw new Error('unexpected request')
    if (step === 'network') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    const signal = init?.signal as AbortSignal
    if (step === 'hang') {
      return new Promise<Response>((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    }
    if (typeof step === 'function') return step(signal)
    return step
  }) as typeof fetch
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(new AppError('cancelled', 'Cancelled'))
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
      if (ms === timeoutMs) timeouts.push(resolve)
      else {
        sleeps.push(ms)
        resolve()
      }
    })
  const client = new ApiClient({ fetch: fetchFn, auth, baseUrl: () => 'https://api.test', clock: () => Date.parse('2026-01-01T00:00:00Z'), sleep, random: () => 0.5, timeoutMs })
  return { client, requests, sleeps, fireTimeouts: () => timeouts.splice(0).forEach((f) => f()), tokenRequests: () => tokenRequests }
}

const ok = () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers })
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError)

describe('ApiClient', () => {
  it('GETs the transcript endpoint by taskId with the bearer token and returns the raw body', async () => {
    const { client, requests } = setup([ok()])
    const fetched = await client.fetchTranscriptExport({ taskId: 7 })
    expect(requests).toEqual([{ url: 'https://api.test/api/v1.0/external/sdtask/GetExportData/Transcript/7', auth: 'Bearer tok-1' }])
    expect(fetched.raw).toBe(body)
    expect(fetched.data.taskId).toBe(7)
    expect((fetched.data as Record<string, unknown>).futureField).toEqual({ kept: true })
  })

  it('sends an externalId as a query parameter with path id 0', async () => {
    const { client, requests } = setup([ok(), ok()])
    await client.getTranscriptExport({ externalId: 'A 1/ü' })
    await client.getTranscriptExport({ taskId: 7, externalId: 'X' })
    expect(requests[0].url).toBe('https://api.test/api/v1.0/external/sdtask/GetExportData/Transcript/0?externalId=A%201%2F%C3%BC')
    expect(requests[1].url).toBe('https://api.test/api/v1.0/external/sdtask/GetExportData/Transcript/7?externalId=X')
  })

  it('refreshes the token once on 401 and retries once', async () => {
    const { client, requests, tokenRequests } = setup([status(401), ok()])
    await client.getTranscriptExport({ taskId: 7 })
    expect(requests.map((r) => r.auth)).toEqual(['Bearer tok-1', 'Bearer tok-2'])
    expect(tokenRequests()).toBe(1)
  })

  it('reports unauthorized after a second 401', async () => {
    const { client, requests } = setup([status(401), status(401), ok()])
    const error = await errorOf(client.getTranscriptExport({ taskId: 7 }))
    expect(error?.code).toBe('unauthorized')
    expect(requests).toHaveLength(2)
  })

  it('does not retry a pasted token on 401', async () => {
    const { client, requests } = setup([status(401), ok()], { tokenMode: 'token' })
    const error = await errorOf(client.getTranscriptExport({ taskId: 7 }))
    expect(error?.code).toBe('unauthorized')
    expect(error?.message).toMatch(/paste a new one/)
    expect(requests).toHaveLength(1)
  })

  it('retries 5xx and network errors with growing jittered backoff, then succeeds', async () => {
    const { client, requests, sleeps } = setup([status(503), 'network', status(500), ok()])
    const onRetry: number[] = []
    await client.getTranscriptExport({ taskId: 7 }, { onRetry: (i) => onRetry.push(i.attempt) })
    expect(requests).toHaveLength(4)
    expect(sleeps).toEqual([backoffDelay(0, defaultRetryPolicy, () => 0.5), backoffDelay(1, defaultRetryPolicy, () => 0.5), backoffDelay(2, defaultRetryPolicy, () => 0.5)])
    expect(sleeps[0]).toBeLessThan(sleeps[1])
    expect(sleeps[1]).toBeLessThan(sleeps[2])
    expect(onRetry).toEqual([1, 2, 3])
  })

  it('gives up after 3 retries with a server error', async () => {
    const { client, requests } = setup([status(500), status(500), status(500), status(500), ok()])
    const error = await errorOf(client.getTranscriptExport({ taskId: 7 }))
    expect(error?.code).toBe('server')
    expect(error?.message).toMatch(/HTTP 500/)
    expect(requests).toHaveLength(4)
  })

  it('after 3 network failures reports network', async () => {
    const { client } = setup(['network', 'network', 'network', 'network'])
    const error = await errorOf(client.getTranscriptExport({ taskId: 7 }))
    expect(error?.code).toBe('network')
    expect(error?.message).toMatch(/ECONNREFUSED/)
  })

  it('honours Retry-After in seconds and as an HTTP-date on 429', async () => {
    const { client, sleeps } = setup([status(429, { 'retry-after': '7' }), status(429, { 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), ok()])
    await client.getTranscriptExport({ taskId: 7 })
    expect(sleeps).toEqual([7000, 3000])
  })

  it('parses Retry-After forms', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })

  it('does not retry 400 or 404, and says what to do', async () => {
    const a = setup([status(400)])
    const bad = await errorOf(a.client.getTranscriptExport({ externalId: 'x' }))
    expect(bad).toMatchObject({ code: 'bad_request' })
    expect(bad?.message).toMatch(/give a task id or an external id/i)
    const b = setup([status(404)])
    const missing = await errorOf(b.client.getDocumentExport({ taskId: 123, externalId: 'INV-9' }))
    expect(missing).toMatchObject({ code: 'not_found', message: 'No document task with id 123 and external id "INV-9" in this organisation' })
    expect(b.requests).toHaveLength(1)
  })

  it('times out a hanging request after the configured time and retries it', async () => {
    const { client, requests, fireTimeouts } = setup(['hang', ok()])
    const pending = client.getTranscriptExport({ taskId: 7 })
    await new Promise((r) => setTimeout(r, 0))
    expect(requests).toHaveLength(1)
    fireTimeouts()
    await pending
    expect(requests).toHaveLength(2)
  })

  it('reports timeout when every attempt times out', async () => {
    const { client, fireTimeouts } = setup(['hang', 'hang', 'hang', 'hang'])
    const pending = errorOf(client.getTranscriptExport({ taskId: 7 }))
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 0))
      fireTimeouts()
    }
    const error = await pending
    expect(error?.code).toBe('timeout')
    expect(error?.message).toMatch(/30 s/)
  })

  it('cancels a request in flight through the AbortSignal, without retrying', async () => {
    const { client, requests } = setup(['hang', ok()])
    const controller = new AbortController()
    const pending = errorOf(client.getTranscriptExport({ taskId: 7 }, { signal: controller.signal }))
    await new Promise((r) => setTimeout(r, 0))
    controller.abort()
    expect((await pending)?.code).toBe('cancelled')
    expect(requests).toHaveLength(1)
  })

  it('cancels during the backoff wait', async () => {
    const controller = new AbortController()
    const { client, requests } = setup([
      async () => {
        controller.abort()
        return status(503)
      },
      ok()
    ])
    const error = await errorOf(client.getTranscriptExport({ taskId: 7 }, { signal: controller.signal }))
    expect(error?.code).toBe('cancelled')
    expect(requests).toHaveLength(1)
  })

  it('turns malformed JSON and schema mismatches into invalid_response naming the field', async () => {
    const a = setup([new Response('{"taskId": 7, "transcr', { status: 200 })])
    expect((await errorOf(a.client.getTranscriptExport({ taskId: 7 })))?.code).toBe('invalid_response')
    const b = setup([new Response(JSON.stringify({ taskId: '7', transcript: {} }), { status: 200 })])
    const error = await errorOf(b.client.getTranscriptExport({ taskId: 7 }))
    expect(error?.code).toBe('invalid_response')
    expect(error?.message).toMatch(/taskId: /)
    const c = setup([new Response(JSON.stringify({ taskId: 7, transcript: { transcripts: [{ start: 'x', end: 1 }] } }), { status: 200 })])
    expect((await errorOf(c.client.getTranscriptExport({ taskId: 7 })))?.message).toMatch(/transcript\.transcripts\[0\]\.start: /)
  })

  it('document export: tolerant of nulls and missing fields, strict on the id', async () => {
    const a = setup([new Response(JSON.stringify({ taskId: 9, chunks: null, metadata: null, totalPages: null }), { status: 200 })])
    expect((await a.client.getDocumentExport({ taskId: 9 })).taskId).toBe(9)
    const b = setup([new Response(JSON.stringify({ taskId: null }), { status: 200 })])
    expect((await errorOf(b.client.getDocumentExport({ taskId: 9 })))?.message).toMatch(/taskId: /)
    const c = setup([new Response(JSON.stringify({ taskId: 9, chunks: [{ entities: [{ table: { tableHeaders: [{ rowIndex: 'a' }] } }] }] }), { status: 200 })])
    expect((await errorOf(c.client.getDocumentExport({ taskId: 9 })))?.message).toMatch(/chunks\[0\]\.entities\[0\]\.table\.tableHeaders\[0\]\.rowIndex: /)
  })
})
