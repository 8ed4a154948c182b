import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readJsonText, readWhole, releaseBytes } from '../../../../electron/services/files/json-text'
import type { ReadableHandle } from '../../../../electron/services/files/json-text'

/*
 * A JSON file is read in one read of its size (issue 21: `readFile`'s 512 KiB chunks were one
 * thread-pool trip each), and still whole when its size is unknown or it grows while read.
 */

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-json-text-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A real file handle whose reads are counted (and optionally capped, like a slow pipe). */
function counted(handle: ReadableHandle, options: { cap?: number; size?: number } = {}): ReadableHandle & { reads: number } {
  const wrapped = {
    reads: 0,
    stat: async () => (options.size === undefined ? handle.stat() : { ...(await handle.stat()), size: options.size }),
    read: (buffer: Buffer, offset: number, length: number, position: number) => {
      wrapped.reads++
      return handle.read(buffer, offset, Math.min(length, options.cap ?? length), position)
    }
  }
  return wrapped as unknown as ReadableHandle & { reads: number }
}

/** Bytes 0..255 repeated: any misplaced chunk shows. */
const pattern = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, k) => (k * 7 + (k >> 8)) & 0xff))

describe('readWhole', () => {
  it('reads a 6 MB file in one read', async () => {
    const bytes = pattern(6 * 1024 * 1024 + 3)
    const file = join(dir, 'big.json')
    await writeFile(file, bytes)
    const handle = await open(file, 'r')
    try {
      const reading = counted(handle)
      expect((await readWhole(reading)).equals(bytes)).toBe(true)
      expect(reading.reads).toBe(1)
    } finally {
      await handle.close()
    }
  })

  it('keeps reading after short reads, and reads on when the size was unknown or the file grew', async () => {
    const bytes = pattern(3 * 1024 * 1024 + 11)
    const file = join(dir, 'grown.json')
    await writeFile(file, bytes)
    const handle = await open(file, 'r')
    try {
      expect((await readWhole(counted(handle, { cap: 100_000 }))).equals(bytes)).toBe(true)
      expect((await readWhole(counted(handle, { size: 0 }))).equals(bytes)).toBe(true)
      expect((await readWhole(counted(handle, { size: 0, cap: 70_001 }))).equals(bytes)).toBe(true)
    } finally {
      await handle.close()
    }
  })

  it('reads an empty file and a special file that states no size', async () => {
    const file = join(dir, 'empty.json')
    await writeFile(file, '')
    expect(await readJsonText(file)).toBe('')
    // Linux's /proc files state size 0 and still have text.
    if (existsSync('/proc/self/status')) expect(await readJsonText('/proc/self/status')).toMatch(/^Name:/)
  })

  it('decodes UTF-8 split anywhere and skips a byte order mark', async () => {
    const text = JSON.stringify({ a: 'Zoë — “quoted” 😀'.repeat(50_000) })
    const file = join(dir, 'utf8.json')
    await writeFile(file, '\uFEFF' + text)
    expect(await readJsonText(file)).toBe(text)
  })

  it('passes file-system errors through', async () => {
    await expect(readJsonText(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(readJsonText(dir)).rejects.toMatchObject({ code: 'EISDIR' })
  })
})

describe('the bytes read', () => {
  // readJsonText releases its bytes once decoded: main's peak while a 50 MB export is parsed no longer holds them (issue 21).
  it('can give their memory back at once (readWhole’s own buffers only)', async () => {
    const file = join(dir, 'small.json')
    await writeFile(file, '[1,2,3]')
    const handle = await open(file, 'r')
    try {
      const bytes = await readWhole(handle)
      expect(bytes.toString()).toBe('[1,2,3]')
      releaseBytes(bytes)
      expect(bytes.length).toBe(0)
    } finally {
      await handle.close()
    }
    const other = Buffer.from('kept')
    releaseBytes(other)
    expect(other.toString()).toBe('kept')
  })
})
