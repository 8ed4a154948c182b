import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportFormats, formatInfo } from '../../../shared/subtitles'
import { main } from '../../../electron/cli/main'
import type { CliIo } from '../../../electron/cli/io'
import { convertRealFixture } from '../../fixtures/real-to-export'

/*
 * The formats of `sdte export` are the subtitle module's own list. Every format it
 * registers is reachable as `--format`, written under its extension; no second list to forget.
 */

let dir: string
let inputPath: string
let rawInput: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-format-list-'))
  inputPath = join(dir, 'kate.json')
  rawInput = JSON.stringify(convertRealFixture('kate-darling-ted.dpe.json'), null, 2)
  await writeFile(inputPath, rawInput)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Runs `sdte` in this process with the output captured. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: {
      write: (chunk, callback) => {
        stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1')
        callback?.()
        return true
      }
    },
    stderr: { write: (chunk) => ((stderr += chunk), true) },
    env: { HOME: dir },
    cwd: dir
  }
  return { code: await main(argv, io), stdout, stderr }
}

describe('sdte export --format: every format of shared/subtitles', () => {
  it.each([...exportFormats])('%s is accepted and written', async (format) => {
    const out = join(dir, `kate.${formatInfo[format].extension}`)
    const result = await run(['export', '--input', inputPath, '--format', format, '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const written = await readFile(out)
    expect(written.length).toBeGreaterThan(0)
    // JSON stays the exact input text; every other format is the writer's own output.
    if (format === 'json') expect(written.toString('utf8')).toBe(rawInput)
  })

  it('names every format of shared/subtitles (and csv) when the name is unknown', async () => {
    const result = await run(['export', '--input', inputPath, '--format', 'nope'])
    expect(result.code).toBe(2)
    const listed = /use one of: (.*)$/.exec(result.stderr.trim())?.[1].split(', ') ?? []
    expect([...listed].sort()).toEqual([...exportFormats, 'csv'].sort())
  })
})
