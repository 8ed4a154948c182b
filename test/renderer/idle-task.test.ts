import { describe, expect, it } from 'vitest'
import { idleTask } from '../../renderer/src/lib/idle-task'

/** Resolves after every task queued before it (timers of the same delay run in order). */
const afterQueuedTasks = () => new Promise((resolve) => setTimeout(resolve, 0))

// jsdom has no requestIdleCallback: this is the next-task fallback the slot uses there.
describe('idleTask (one callback waiting for an idle period)', () => {
  it('runs a scheduled callback once, and a second schedule while it waits adds nothing', async () => {
    const slot = idleTask(100)
    const runs: string[] = []
    slot.schedule(() => runs.push('first'))
    slot.schedule(() => runs.push('second'))
    expect(slot.pending).toBe(true)
    await afterQueuedTasks()
    expect(runs).toEqual(['first'])
    expect(slot.pending).toBe(false)
    // Free again once it has run.
    slot.schedule(() => runs.push('third'))
    await afterQueuedTasks()
    expect(runs).toEqual(['first', 'third'])
  })

  it('a cancelled callback never runs, and the slot can be used again', async () => {
    const slot = idleTask(100)
    const runs: string[] = []
    slot.schedule(() => runs.push('cancelled'))
    slot.cancel()
    expect(slot.pending).toBe(false)
    slot.cancel()
    slot.schedule(() => runs.push('kept'))
    await afterQueuedTasks()
    expect(runs).toEqual(['kept'])
  })
})
