import { readFile } from 'node:fs/promises'

/*
 * A JSON file's text, read as bytes and decoded once. `readFile(path, 'utf8')` decodes through a
 * stream decoder into a string of many pieces, which the first look at it (the byte order mark
 * check, then JSON.parse) flattens into another copy: on a 50 MB export that was ~0.9 s and a
 * transient third copy. One `toString` of the buffer gives a flat string directly.
 */

const bom = [0xef, 0xbb, 0xbf]

/** UTF-8 bytes as text, without a leading byte order mark (editors and Windows tools write one; it is not JSON). */
export function decodeJsonText(bytes: Buffer): string {
  const start = bytes.length >= 3 && bytes[0] === bom[0] && bytes[1] === bom[1] && bytes[2] === bom[2] ? 3 : 0
  return bytes.toString('utf8', start)
}

/** The text of the JSON file at `path`, its byte order mark skipped; fs errors pass through. */
export async function readJsonText(path: string): Promise<string> {
  return decodeJsonText(await readFile(path))
}
