import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { createMediaProtocolHandler, mediaUrlFor, taskIdOfMediaUrl } from '../../../electron/services/media/media-protocol'
import { ensureFormat } from '../../fixtures/audio/generate'

describe('sdte-media protocol', () => {
  it('builds and parses task URLs', () => {
    expect(mediaUrlFor(17)).toBe('sdte-media://task/17')
    expect(mediaUrlFor(17, { size: 1000, path: '/a.mp3' })).toMatch(/^sdte-media:\/\/task\/17\?v=rs-[0-9a-z]+$/)
    expect(mediaUrlFor(17, { size: 1000, path: '/a.mp3' })).not.toBe(mediaUrlFor(17, { size: 1000, path: '/b.mp3' }))
    expect(taskIdOfMediaUrl(new URL('sdte-media://task/17?v=1'))).toBe('17')
    expect(taskIdOfMediaUrl(new URL('sdte-media://other/17'))).toBeNull()
    expect(taskIdOfMediaUrl(new URL('sdte-media://task/..%2F..%2Fetc'))).toBeNull()
    expect(taskIdOfMediaUrl(new URL('https://task/17'))).toBeNull()
  })

  it('serves the task file with Range, 404 for unknown tasks', async () => {
    const path = await ensureFormat('mp3')
    const bytes = await readFile(path)
    const handler = createMediaProtocolHandler({
      mediaFile: async (taskId) => (taskId === '17' ? { path, size: bytes.length, contentType: 'audio/mpeg' } : null)
    })
    const part = await handler(new Request('sdte-media://task/17?v=x', { headers: { Range: 'bytes=100-199' } }))
    expect(part.status).toBe(206)
    expect(part.headers.get('content-type')).toBe('audio/mpeg')
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true)
    expect((await handler(new Request('sdte-media://task/18'))).status).toBe(404)
    expect((await handler(new Request('sdte-media://nope/17'))).status).toBe(404)
  })
})
