import { describe, expect, it } from 'vitest'
import { createAutosaver, type AutosaveStatus, type AutosaveTimers } from '../../renderer/src/lib/autosaver'

/** Timers under the test's control: `advance(ms)` fires what is due, in order. */
function fakeClock() {
  let now = 0
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const api: AutosaveTimers = {
    setTimeout(callback, ms) {
      const id = nextId++
      timers.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    // The page is idle at once (a 0 ms timer) unless the test holds idle periods back (`busy`).
    idle(callback, timeoutMs) {
      const run = (didTimeout: boolean) => () => callback({ didTimeout, timeRemaining: () => (didTimeout ? 0 : 50) })
      if (!busy) return api.setTimeout(run(false), 0)
      const id = api.setTimeout(run(true), timeoutMs) as number
      idleWaiting.set(id, run(false))
      return id
    },
    cancelIdle(handle) {
      idleWaiting.delete(handle as number)
      timers.delete(handle as number)
    }
  }
  let busy = false
  /** Idle requests held back while busy: their idle-period callbacks, by timer id (their timeouts are timers). */
  const idleWaiting = new Map<number, () => void>()
  return {
    timers: api,
    now: () => now,
    pending: () => timers.size,
    /** Holds idle periods back (a page busy with keys) until `idleNow()`; idle requests then run only at their timeout. */
    busy(flag: boolean) {
      busy = flag
    },
    /** An idle period comes: the idle requests waiting run now. */
    async idleNow() {
      const waiting = [...idleWaiting.entries()]
      idleWaiting.clear()
      for (const [id, run] of waiting) {
        timers.delete(id)
        run()
      }
      await settle()
    },
    async advance(ms: number) {
      const until = now + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        idleWaiting.delete(due[0])
        now = due[1].at
        due[1].callback()
        await settle()
      }
      now = until
      await settle()
    }
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

/** A write port that records values and can be held open or made to fail. */
function fakeWriter() {
  const written: string[] = []
  let gate: Promise<void> | null = null
  let failNext: Error | null = null
  return {
    written,
    /** The next write waits until `release()` is called. */
    holdNext() {
      let release!: () => void
      gate = new Promise<void>((resolve) => (release = resolve))
      return { release: () => release() }
    },
    failNext(error: Error) {
      failNext = error
    },
    async write(value: string) {
      if (failNext) {
        const error = failNext
        failNext = null
        throw error
      }
      if (gate) {
        const waiting = gate
        gate = null
        await waiting
      }
      written.push(value)
    }
  }
}

function setup() {
  const clock = fakeClock()
  const writer = fakeWriter()
  const statuses: AutosaveStatus[] = []
  const saver = createAutosaver<string>({ write: (v) => writer.write(v), now: clock.now, timers: clock.timers, onStatus: (s) => statuses.push(s) })
  return { clock, writer, statuses, saver }
}

describe('Autosaver', () => {
  // These two pinned a throttle (a write 1 s after the FIRST change, in the middle of the next
  // keys); the write now waits for a pause, bounded by the maximum wait (issue 21).
  it('saves once the edits pause for 1 s, coalescing the burst into one write of the latest value', async () => {
    const { clock, writer, statuses, saver } = setup()
    saver.change('a')
    expect(saver.status.state).toBe('unsaved')
    await clock.advance(300)
    saver.change('ab')
    await clock.advance(300)
    saver.change('abc')
    // 1 s after the first change: the reviewer has not paused, nothing is written among the keys.
    await clock.advance(400)
    expect(writer.written).toEqual([])
    await clock.advance(599)
    expect(writer.written).toEqual([])
    // 1 s after the last change.
    await clock.advance(1)
    expect(writer.written).toEqual(['abc'])
    expect(saver.status).toEqual({ state: 'saved', savedAt: 1600 })
    expect(statuses.map((s) => s.state)).toEqual(['unsaved', 'unsaved', 'unsaved', 'saving', 'saved'])
    expect(saver.dirty).toBe(false)
    expect(clock.pending()).toBe(0)
  })

  it('a typist who never pauses is still saved: at most 4 s after the first unsaved change, then again 4 s after the next', async () => {
    const { clock, writer, saver } = setup()
    for (let t = 0; t < 9000; t += 100) {
      saver.change(`v${t}`)
      await clock.advance(100)
    }
    // Changes every 100 ms from 0 to 8900 ms: no pause, so the maximum wait writes at 4000 ms and
    // (the next unsaved change at 4000 ms) at 8000 ms, each the latest value then.
    expect(writer.written).toEqual(['v3900', 'v7900'])
    expect(saver.dirty).toBe(true)
    // The pause after the last key writes the rest: nothing is lost.
    await clock.advance(900)
    expect(writer.written).toEqual(['v3900', 'v7900', 'v8900'])
    expect(saver.dirty).toBe(false)
  })

  it('a due write waits for an idle period; a key before it puts the write back to the next pause, unless the maximum wait made it due', async () => {
    const { clock, writer, saver } = setup()
    clock.busy(true)
    saver.change('a')
    await clock.advance(1000)
    // Due (the pause), but the page has had no idle period yet.
    expect(writer.written).toEqual([])
    expect(saver.status.state).toBe('unsaved')
    // The next key comes first: the write waits for the next pause.
    saver.change('ab')
    await clock.idleNow()
    expect(writer.written).toEqual([])
    await clock.advance(1000)
    await clock.idleNow()
    expect(writer.written).toEqual(['ab'])

    // Due by the maximum wait: a key before the idle period does not put it back; the write takes that key too.
    for (let t = 0; t < 4000; t += 500) {
      saver.change(`c${t}`)
      await clock.advance(500)
    }
    expect(writer.written).toEqual(['ab'])
    saver.change('last')
    await clock.idleNow()
    expect(writer.written).toEqual(['ab', 'last'])

    // A page that is never idle: the idle request's timeout (500 ms) runs the write anyway.
    saver.change('busy')
    await clock.advance(1499)
    expect(writer.written).toEqual(['ab', 'last'])
    await clock.advance(1)
    expect(writer.written).toEqual(['ab', 'last', 'busy'])
  })

  it('never writes twice at once and never an older value after a newer one', async () => {
    const { clock, writer, saver } = setup()
    const held = writer.holdNext()
    saver.change('one')
    await clock.advance(1000)
    expect(saver.status.state).toBe('saving')
    saver.change('two')
    saver.change('three')
    await clock.advance(1000)
    expect(writer.written).toEqual([])
    held.release()
    await settle()
    await clock.advance(0)
    expect(writer.written).toEqual(['one', 'three'])
    expect(saver.status.state).toBe('saved')
  })

  it('flush writes now and waits; nothing is left pending or scheduled', async () => {
    const { clock, writer, saver } = setup()
    saver.change('quit-now')
    await saver.flush()
    expect(writer.written).toEqual(['quit-now'])
    expect(clock.pending()).toBe(0)
    await saver.flush()
    expect(writer.written).toEqual(['quit-now'])
  })

  it('flush waits for a write in flight and then writes the newer value', async () => {
    const { clock, writer, saver } = setup()
    const held = writer.holdNext()
    saver.change('first')
    await clock.advance(1000)
    saver.change('second')
    const flushed = saver.flush()
    held.release()
    await flushed
    expect(writer.written).toEqual(['first', 'second'])
    expect(saver.dirty).toBe(false)
  })

  it('reports an error, keeps the value, and retries with back-off', async () => {
    const { clock, writer, saver } = setup()
    writer.failNext(new Error('ENOSPC: no space left on device'))
    saver.change('precious')
    await clock.advance(1000)
    expect(saver.status).toEqual({ state: 'error', savedAt: null, message: 'ENOSPC: no space left on device' })
    expect(saver.dirty).toBe(true)
    await clock.advance(1999)
    expect(writer.written).toEqual([])
    await clock.advance(1)
    expect(writer.written).toEqual(['precious'])
    expect(saver.status).toEqual({ state: 'saved', savedAt: 3000 })
  })

  it('flush rejects when the write fails, so quit can ask the reviewer', async () => {
    const { writer, saver } = setup()
    writer.failNext(new Error('EACCES'))
    saver.change('x')
    await expect(saver.flush()).rejects.toThrow('EACCES')
    await saver.flush()
    expect(writer.written).toEqual(['x'])
  })

  it('dispose stops the timer', async () => {
    const { clock, writer, saver } = setup()
    saver.change('x')
    saver.dispose()
    await clock.advance(5000)
    expect(writer.written).toEqual([])
    expect(clock.pending()).toBe(0)
  })
})
