import { writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { AppError, toErrorData } from '../../shared/errors'

/*
 * A file-system failure reaches the renderer as a reason it can translate: a real ENOSPC
 * (writing to /dev/full), wrapped as the draft store wraps it, comes out as `disk_full` with the
 * path the service named, and the English message stays for the log.
 */

describe('file-system reasons', () => {
  it('a real disk-full write wrapped by a service is disk_full, with the service’s path', async () => {
    const cause = await writeFile('/dev/full', 'x').then(() => null, (error: unknown) => error)
    expect((cause as NodeJS.ErrnoException).code).toBe('ENOSPC')
    const wrapped = new AppError('io', 'The draft for task 7 could not be written: the disk is full.', { cause, reason: 'write_failed', params: { path: '/drafts/7.json' } })
    expect(toErrorData(wrapped)).toEqual({ code: 'io', message: 'The draft for task 7 could not be written: the disk is full.', reason: 'disk_full', params: { path: '/drafts/7.json' } })
  })

  it('a bare Node error is a reason too; an error with no cause keeps its reason or has none', async () => {
    const cause = await writeFile('/dev/full', 'x').then(() => null, (error: unknown) => error)
    expect(toErrorData(cause)).toMatchObject({ code: 'io', reason: 'disk_full' })
    expect(toErrorData(new AppError('server', 'HTTP 503', { reason: 'api_server', params: { status: 503 } }))).toEqual({ code: 'server', message: 'HTTP 503', reason: 'api_server', params: { status: 503 } })
    expect(toErrorData(new AppError('io', 'plain'))).toEqual({ code: 'io', message: 'plain' })
  })
})
