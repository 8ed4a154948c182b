import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertRealFixture, loadRealExport } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import { subtitleTrack, writeFormat } from '../../../shared/subtitles/index'
import { readAss, readDocx, readSbv, readSrt, readTtml, readVtt } from '../../shared/subtitles/readers'
import type { ReadResult, SubtitleFormat } from '../../shared/subtitles/readers'
import { spawnSdte } from './spawn-sdte'

/*
 * `sdte export` writes, byte for byte, what the engine writes for the same model, and the
 * independent readers (test/shared/subtitles/readers.ts) read it without a complaint. How the
 * engine's own output reads back belongs in test/shared/subtitles/read-back-*.test.ts.
 */

describe('sdte export writes what the independent readers read', () => {
  let cliDir = ''
  let exportPath = ''
  const model = normaliseTranscript(loadRealExport('kate-darling-ted.dpe.json'))

  beforeAll(async () => {
    cliDir = await mkdtemp(join(tmpdir(), 'sdte-cli-readers-'))
    exportPath = join(cliDir, 'kate.json')
    await writeFile(exportPath, JSON.stringify(convertRealFixture('kate-darling-ted.dpe.json'), null, 2))
  })
  afterAll(async () => {
    if (cliDir) await rm(cliDir, { recursive: true, force: true })
  })

  const readers: Record<SubtitleFormat, (text: string) => ReadResult> = { srt: readSrt, vtt: readVtt, ttml: readTtml, sbv: readSbv, ass: readAss }

  it.each(['srt', 'vtt', 'ttml', 'sbv', 'ass', 'docx'] as const)('%s', async (format) => {
    const out = join(cliDir, `kate.${format}`)
    const result = await spawnSdte(['export', '--input', exportPath, '--format', format, '--preset', 'netflix-en', '--out', out], { cwd: cliDir, env: { HOME: cliDir, SDTE_LOG_DIR: join(cliDir, 'logs') } })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const bytes = await readFile(out)
    // Byte for byte what the engine writes for the same model.
    const engine = (await writeFormat(format, model, { preset: 'netflix-en' })).content
    if (format === 'docx') {
      const { paragraphs, errors } = await readDocx(bytes)
      expect(errors).toEqual([])
      expect(paragraphs).toEqual((await readDocx(engine as Uint8Array)).paragraphs)
      return
    }
    expect(bytes.toString('utf8')).toBe(engine)
    const read = readers[format](bytes.toString('utf8'))
    expect(read.errors).toEqual([])
    expect(read.cues.length).toBe(subtitleTrack(model, { preset: 'netflix-en' }).cues.length)
  })
})
