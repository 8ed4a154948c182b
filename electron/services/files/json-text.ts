import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'

/*
 * A JSON file's text, read as bytes and decoded once. `readFile(path, 'utf8')` decodes through a
 * stream decoder into a string of many pieces, which the first look at it (the byte order mark
 * check, then JSON.parse) flattens into another copy: on a 50 MB export that was ~0.9 s and a
 * transient third copy. One `toString` of the buffer gives a flat string directly.
 *
 * The bytes come in one read of the file's size (issue 21): `readFile` reads in 512 KiB chunks,
 * each a separate trip through libuv's thread pool (~110 for a 50 MB export), which made the
 * read several times slower than the disk.
 */

const bom = [0xef, 0xbb, 0xbf]

/** What `freshBytes` and `releaseBytes` use of a resizable ArrayBuffer (ES2024; Node 20's types lack it). */
type Resizable = ArrayBuffer & { readonly resizable?: boolean; resize?(length: number): void }
const ResizableArrayBuffer = ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => Resizable

/**
 * `size` bytes to read into, over a resizable ArrayBuffer so that `releaseBytes` gives the memory
 * back at once: a Buffer's memory otherwise stays until a collection happens to free it, and a
 * 50 MB export's bytes sat beside its text and the export JSON.parse builds (main's peak).
 */
function freshBytes(size: number): Buffer {
  return Buffer.from(new ResizableArrayBuffer(size, { maxByteLength: size }))
}

/** Gives the memory of bytes from `readWhole` back now (they read as empty after); other buffers are left alone. */
export function releaseBytes(bytes: Buffer): void {
  const buffer = bytes.buffer as Resizable
  if (buffer.resizable === true && typeof buffer.resize === 'function') buffer.resize(0)
}

/** UTF-8 bytes as text, without a leading byte order mark (editors and Windows tools write one; it is not JSON). */
export function decodeJsonText(bytes: Buffer): string {
  const start = bytes.length >= 3 && bytes[0] === bom[0] && bytes[1] === bom[1] && bytes[2] === bom[2] ? 3 : 0
  return bytes.toString('utf8', start)
}

/** What `readWhole` needs of an open file. */
export type ReadableHandle = Pick<FileHandle, 'stat' | 'read'>

/** Bytes asked for per read when the size is unknown or the file grew past it. */
const moreBytes = 1024 * 1024

/**
 * All of an open file's bytes: one read of the size `stat` gives (the common case), then further
 * reads only if the size was not known (0 for some special files) or the file is still growing.
 */
export async function readWhole(handle: ReadableHandle): Promise<Buffer> {
  const { size } = await handle.stat()
  let buffer = freshBytes(size > 0 ? size : moreBytes)
  let filled = 0
  for (;;) {
    if (filled === buffer.length) {
      // A file exactly its stated size ends here, as `readFile` does; one of unknown size reads on.
      if (size > 0 && filled === size) break
      const bigger = freshBytes(buffer.length + moreBytes)
      buffer.copy(bigger, 0, 0, filled)
      releaseBytes(buffer)
      buffer = bigger
    }
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return filled === buffer.length ? buffer : buffer.subarray(0, filled)
}

/** The text of the JSON file at `path`, its byte order mark skipped; fs errors pass through. */
export async function readJsonText(path: string): Promise<string> {
  const handle = await open(path, 'r')
  let bytes: Buffer | null = null
  try {
    bytes = await readWhole(handle)
    return decodeJsonText(bytes)
  } finally {
    // The text is a copy: the bytes' memory goes back before anyone parses it.
    if (bytes) releaseBytes(bytes)
    await handle.close()
  }
}
