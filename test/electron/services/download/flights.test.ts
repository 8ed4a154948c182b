import { describe, expect, it } from 'vitest'
import { createFlights } from '../../../../electron/services/download/flights'

/** A run the test finishes by hand, recording what it was told. */
function controllable() {
  let finish!: (value: string) => void
  let fail!: (error: Error) => void
  let report!: (progress: number) => void
  let runSignal!: AbortSignal
  let started = 0
  let cleanedUp = false
  const start = (signal: AbortSignal, onProgress: (p: number) => void) => {
    started++
    runSignal = signal
    report = onProgress
    return new Promise<string>((resolve, reject) => {
      finish = resolve
      fail = reject
      signal.addEventListener('abort', () => {
        // Cleanup takes a moment; the last canceller is answered after it.
        setTimeout(() => {
          cleanedUp = true
          resolve('aborted-run')
        }, 5)
      })
    })
  }
  return {
    start,
    finish: (v: string) => finish(v),
    fail: (e: Error) => fail(e),
    report: (p: number) => report(p),
    get signal() {
      return runSignal
    },
    get started() {
      return started
    },
    get cleanedUp() {
      return cleanedUp
    }
  }
}

describe('createFlights', () => {
  it('runs once per key; joiners share the result and the progress', async () => {
    const run = createFlights<string, number>(() => 'cancelled')
    const work = controllable()
    const seenA: number[] = []
    const seenB: number[] = []
    const a = run('k', work.start, { onProgress: (p) => seenA.push(p) })
    const b = run('k', work.start, { onProgress: (p) => seenB.push(p) })
    await Promise.resolve()
    expect(work.started).toBe(1)
    work.report(0.5)
    work.finish('done')
    expect(await a).toBe('done')
    expect(await b).toBe('done')
    expect(seenA).toEqual([0.5])
    expect(seenB).toEqual([0.5])
    // Finished: the next call starts a new run.
    const again = controllable()
    const c = run('k', again.start)
    await Promise.resolve()
    expect(again.started).toBe(1)
    again.finish('second')
    expect(await c).toBe('second')
  })

  it('keeps running while one caller remains; the last canceller waits for cleanup', async () => {
    const run = createFlights<string, number>(() => 'cancelled')
    const work = controllable()
    const first = new AbortController()
    const second = new AbortController()
    const a = run('k', work.start, { signal: first.signal })
    const b = run('k', work.start, { signal: second.signal })
    await Promise.resolve()
    first.abort()
    expect(await a).toBe('cancelled')
    expect(work.signal.aborted).toBe(false)
    second.abort()
    expect(work.signal.aborted).toBe(true)
    expect(await b).toBe('cancelled')
    expect(work.cleanedUp).toBe(true)
  })

  it('passes a failure to every caller and forgets the run', async () => {
    const run = createFlights<string, number>(() => 'cancelled')
    const work = controllable()
    const a = run('k', work.start)
    const b = run('k', work.start)
    await Promise.resolve()
    work.fail(new Error('disk'))
    await expect(a).rejects.toThrow('disk')
    await expect(b).rejects.toThrow('disk')
    const next = controllable()
    const c = run('k', next.start)
    await Promise.resolve()
    expect(next.started).toBe(1)
    next.finish('ok')
    expect(await c).toBe('ok')
  })

  it('answers an already-cancelled caller at once with the cancelled value', async () => {
    const run = createFlights<string, number>(() => 'cancelled')
    const work = controllable()
    const controller = new AbortController()
    controller.abort()
    expect(await run('k', work.start, { signal: controller.signal })).toBe('cancelled')
  })

  it('keeps keys apart', async () => {
    const run = createFlights<string, number>(() => 'cancelled')
    const one = controllable()
    const two = controllable()
    const a = run('a', one.start)
    const b = run('b', two.start)
    await Promise.resolve()
    expect([one.started, two.started]).toEqual([1, 1])
    two.finish('B')
    one.finish('A')
    expect([await a, await b]).toEqual(['A', 'B'])
  })
})
