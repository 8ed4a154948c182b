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

describe('sdte export --input <draft>: notices about cue decisions', () => {
  it('says on stderr which decisions it could not honour, and writes the same subtitles on stdout', async () => {
    const loaded = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))
    const words = loaded.segments.flatMap((s) => s.words)
    // Forty words kept together fit no cue: refused. A break anchored to a word the draft no
    // longer has (an older app's edit): dropped.
    let model = addCueDecision(loaded, { kind: 'keep-together', fromWordId: words[10].id, toWordId: words[50].id })
    model = addCueDecision(model, { kind: 'break-before', wordId: words[70].id })
    const dangling: TranscriptModel = { ...model, cueDecisions: model.cueDecisions?.map((d) => (d.kind === 'break-before' ? { ...d, wordId: 'no-such-word' } : d)) }
    const run = await sdte(['export', '--input', await draftOf(dangling, 'refused.draft.json'), '--format', 'srt', '--preset', 'netflix-en', '--out', '-'])
    expect(run.code, run.stderr).toBe(0)
    const notices = run.stderr.split('\n').filter((l) => l.startsWith('sdte: cue decision: '))
    expect(notices).toHaveLength(2)
    expect(notices.some((l) => l.includes('words kept together') && l.includes('left out')), notices.join('\n')).toBe(true)
    expect(notices.some((l) => l.includes('forced break') && l.includes('left out'))).toBe(true)
    // stdout is the SRT alone: the same bytes as the draft without those decisions.
    const plain = await sdte(['export', '--input', await draftOf(loaded, 'plain.draft.json'), '--format', 'srt', '--preset', 'netflix-en', '--out', '-'])
    expect(plain.stderr).toBe('')
    expect(run.stdout).toBe(plain.stdout)
    expect(readSrt(run.stdout).errors).toEqual([])
  })

  it('prints nothing extra when every decision is honoured, and nothing for a transcript format', async () => {
    const loaded = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))
    const words = loaded.segments.flatMap((s) => s.words)
    const model = addCueDecision(loaded, { kind: 'break-before', wordId: words[5].id })
    const run = await sdte(['export', '--input', await draftOf(model, 'fine.draft.json'), '--format', 'vtt', '--preset', 'bbc', '--out', '-'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    const txt = await sdte(['export', '--input', await draftOf({ ...model, cueDecisions: [{ id: 'x', kind: 'break-before', wordId: 'gone' }] }, 'txt.draft.json'), '--format', 'txt', '--out', '-'])
    expect(txt.code, txt.stderr).toBe(0)
    expect(txt.stderr).toBe('')
  })
})
