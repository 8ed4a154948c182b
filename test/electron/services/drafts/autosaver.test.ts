import { describe, expect, it } from 'vitest'
import { createAutosaver, type AutosaveStatus, type AutosaveTimers } from '../../../../electron/services/drafts/autosaver'

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
    }
  }
  return {
    timers: api,
    now: () => now,
    pending: () => timers.size,
    async advance(ms: number) {
      const until = now + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
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
  it('saves a change within 1 s, coalescing the burst into one write of the latest value', async () => {
    const { clock, writer, statuses, saver } = setup()
    saver.change('a')
    expect(saver.status.state).toBe('unsaved')
    await clock.advance(300)
    saver.change('ab')
    await clock.advance(300)
    saver.change('abc')
    expect(writer.written).toEqual([])
    await clock.advance(400)
    expect(writer.written).toEqual(['abc'])
    expect(saver.status).toEqual({ state: 'saved', savedAt: 1000 })
    expect(statuses.map((s) => s.state)).toEqual(['unsaved', 'unsaved', 'unsaved', 'saving', 'saved'])
    expect(saver.dirty).toBe(false)
  })

  it('keeps saving during a long burst: no change waits more than 1 s', async () => {
    const { clock, writer, saver } = setup()
    for (let t = 0; t < 3000; t += 100) {
      saver.change(`v${t}`)
      await clock.advance(100)
    }
    // Changes at 0..2900 ms: writes at 1000, 2000 and 3000 ms, each of the latest value then.
    expect(writer.written).toEqual(['v900', 'v1900', 'v2900'])
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
