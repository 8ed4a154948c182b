import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readInputFile } from '../../../electron/cli/input-file'
import { decodeJsonText } from '../../../electron/services/files/json-text'
import { readTranscriptExportFile } from '../../../electron/services/files/read-export-file'

/*
 * Input files are decoded from bytes once (no stream-decoded string to flatten), and `sdte export`
 * in a format other than json lets the file's text go once parsed: `raw` is then ''.
 */

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-input-text-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const body = { taskId: 12, displayName: 'Zoë — “quoted” 😀', transcript: { transcripts: [{ speakerId: 's1', start: 0, end: 1, displayWords: [{ text: 'héllo', offsetInSeconds: 0 }] }] } }
const text = JSON.stringify(body, null, 2)

describe('JSON input text', () => {
  it('decodes UTF-8 bytes, skipping one byte order mark and nothing else', () => {
    expect(decodeJsonText(Buffer.from('\uFEFF{"a":"é"}'))).toBe('{"a":"é"}')
    expect(decodeJsonText(Buffer.from('{"a":"\uFEFF"}'))).toBe('{"a":"\uFEFF"}')
    expect(decodeJsonText(Buffer.from('\uFEFF\uFEFF[]'))).toBe('\uFEFF[]')
    expect(decodeJsonText(Buffer.from([0xef, 0xbb]))).toBe(Buffer.from([0xef, 0xbb]).toString('utf8'))
    expect(decodeJsonText(Buffer.alloc(0))).toBe('')
  })

  it('keeps the raw text (without its byte order mark) for json, and lets it go for the other formats', async () => {
    const file = join(dir, 'export.json')
    await writeFile(file, '\uFEFF' + text)
    const kept = await readInputFile(file, undefined, dir)
    expect(kept.raw).toBe(text)
    const dropped = await readInputFile(file, undefined, dir, { keepRaw: false })
    expect(dropped.raw).toBe('')
    expect(dropped.data).toEqual(kept.data)
    expect(dropped.data).toEqual(body)
  })

  it('reads a saved export with a byte order mark and non-ASCII text in the app', async () => {
    const file = join(dir, 'export.json')
    await writeFile(file, '\uFEFF' + text)
    expect((await readTranscriptExportFile(file)).data).toEqual(body)
  })
})
