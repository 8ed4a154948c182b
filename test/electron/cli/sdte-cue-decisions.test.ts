import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCueDecision, normaliseTranscript } from '../../../shared/transcript'
import type { TranscriptModel } from '../../../shared/transcript'
import { subtitleTrack } from '../../../shared/subtitles'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { readSrt } from '../../shared/subtitles/readers'
import { buildSdte, spawnSdte } from './spawn-sdte'
import type { SdteRun } from './spawn-sdte'

/*
 * `sdte export --input <draft>` honours the reviewer's cue decisions saved in the draft (the
 * same cut as the app's export), and `sdte qc` judges that cut.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-decisions-'))
  await buildSdte()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const sdte = (args: string[]): Promise<SdteRun> => spawnSdte(args, { cwd: dir, env: { HOME: dir, SDTE_LOG_DIR: join(dir, 'logs') } })

async function draftOf(model: TranscriptModel, name: string): Promise<string> {
  const path = join(dir, name)
  // The draft file layout of electron/services/drafts (a JSON round trip, as on disk).
  await writeFile(path, JSON.stringify({ version: 1, taskId: String(model.taskId), exportHash: 'abc', savedAt: 1, meta: {}, document: model }))
  return path
}

describe('sdte export --input <draft> with cue decisions', () => {
  it('writes the forced break and the nudged out-time, as the app would', async () => {
    const loaded = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))
    const plain = subtitleTrack(loaded, { preset: 'netflix-en' })
    // A word in the middle of the first cue: break before it, and nudge the cue before out.
    const words = loaded.segments.flatMap((s) => s.words)
    const firstCueWords = plain.cues[0].wordCount
    const breakWord = words[Math.floor(firstCueWords / 2)]
    const lastBefore = words[Math.floor(firstCueWords / 2) - 1]
    let model = addCueDecision(loaded, { kind: 'break-before', wordId: breakWord.id })
    model = addCueDecision(model, { kind: 'nudge', edge: 'out', wordId: lastBefore.id, deltaMs: -200 })
    const expected = subtitleTrack(model, { preset: 'netflix-en' })

    const run = await sdte(['export', '--input', await draftOf(model, 'decided.draft.json'), '--format', 'srt', '--preset', 'netflix-en', '--out', '-'])
    expect(run.code, run.stderr).toBe(0)
    const read = readSrt(run.stdout)
    expect(read.errors).toEqual([])
    expect(read.cues[1].lines.join(' ').startsWith(breakWord.text)).toBe(true)
    expect(read.cues[0].lines.join(' ').endsWith(lastBefore.text)).toBe(true)
    expect(read.cues.map((c) => [c.startMs, c.endMs])).toEqual(expected.cues.map((c) => [c.startMs, c.endMs]))
    // The nudge moved the out-time 200 ms (a frame's rounding either way) from where it would go.
    const unNudged = subtitleTrack(addCueDecision(loaded, { kind: 'break-before', wordId: breakWord.id }), { preset: 'netflix-en' })
    expect(Math.abs(unNudged.cues[0].endMs - 200 - read.cues[0].endMs)).toBeLessThanOrEqual(42)

    const qc = await sdte(['qc', '--input', await draftOf(model, 'decided2.draft.json'), '--preset', 'netflix-en', '--json'])
    expect(qc.code, qc.stderr).toBe(0)
    expect(JSON.parse(qc.stdout).summary.cues).toBe(expected.cues.length)
  })
})
