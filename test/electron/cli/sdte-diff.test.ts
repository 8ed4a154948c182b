import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask } from '../../fake-api/seeds'
import { normaliseTranscript, replaceText, setSpeaker } from '../../../shared/transcript'
import { parseChangeSet } from '../../../shared/review/change-set'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { smallExport, spkA, spkB } from '../../shared/review/change-set-fixture'
import { spawnSdte, type SdteRun } from './spawn-sdte'

/*
 * `sdte diff` spawned for real: a draft file with known edits gives exactly those edits and the
 * WER worked out by hand; a real fixture fetched from the fake API, unedited, gives WER 0.
 */

const secret = 'diff-cli-secret'
let fake: FakeApi
let dir: string

beforeAll(async () => {
  const kate = convertRealFixture('kate-darling-ted.dpe.json', { taskId: 7101 })
  fake = await createFakeApi({
    clientId: 'cli',
    clientSecret: secret,
    tasks: [{ kind: 'transcript', taskId: 7101, externalId: 'KATE-1', body: kate as unknown as Record<string, unknown> }, documentTask()]
  })
  dir = await mkdtemp(join(tmpdir(), 'sdte-diff-'))
})
afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

function sdte(args: string[]): Promise<SdteRun> {
  return spawnSdte(args, { cwd: dir, env: { HOME: dir, SDTE_BASE_URL: fake.baseUrl, SDTE_CLIENT_ID: 'cli', SDTE_CLIENT_SECRET: secret, SDTE_LOG_DIR: join(dir, 'logs') } })
}

/** A draft as the app saves it: cat→dog, "on" removed, "big" added, Bob's segment given to Ann. */
async function editedDraft(): Promise<string> {
  let m = normaliseTranscript(smallExport())
  m = replaceText(m, { segmentId: 's0', offset: 4 }, { segmentId: 's0', offset: 7 }, 'dog')
  m = replaceText(m, { segmentId: 's0', offset: 12 }, { segmentId: 's0', offset: 15 }, '')
  m = replaceText(m, { segmentId: 's1', offset: 6 }, { segmentId: 's1', offset: 6 }, 'big ')
  m = setSpeaker(m, { segmentId: 's1' }, spkA)
  const path = join(dir, 'small.draft.json')
  await writeFile(path, JSON.stringify({ version: 1, taskId: m.taskId, exportHash: 'x', savedAt: 1, document: m }))
  return path
}

describe('sdte diff', () => {
  it('takes audio heard and time spent from the draft\'s review-state sidecar, and says when it cannot read one', async () => {
    const draft = await editedDraft()
    const model = JSON.parse(await readFile(draft, 'utf8')).document as { taskId: number; durationMs: number }
    const sidecar = join(dir, `${model.taskId}.review.json`)
    // Two heard stretches that overlap (merged: 0–1,500 ms) and one apart (2,000–2,500 ms).
    const state = { version: 1, taskId: String(model.taskId), savedAt: 1, heard: [[0, 1000], [500, 1500], [2000, 2500]], maxRate: 1.5, activeMs: 61_000, durationMs: model.durationMs }
    await writeFile(sidecar, JSON.stringify(state))
    try {
      const run = await sdte(['diff', '--input', 'small.draft.json'])
      expect([run.code, run.stderr]).toEqual([0, ''])
      expect(parseChangeSet(JSON.parse(run.stdout)).review).toMatchObject({ heardMs: 2000, timeSpentMs: 61_000 })

      await writeFile(sidecar, '{ not json')
      const broken = await sdte(['diff', '--input', 'small.draft.json'])
      expect(broken.code).toBe(0)
      expect(broken.stderr).toMatch(/^sdte: warning: .*review\.json.*Audio heard and time spent are left out\.\n$/)
      expect(parseChangeSet(JSON.parse(broken.stdout)).review).toMatchObject({ heardMs: null, timeSpentMs: null })
    } finally {
      await rm(sidecar, { force: true })
    }
  })

  it('gives exactly the known edits of a draft and the WER computed by hand, as JSON and as CSV', async () => {
    await editedDraft()
    const run = await sdte(['diff', '--input', 'small.draft.json'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    const set = parseChangeSet(JSON.parse(run.stdout))
    expect(set.words.map((w) => [w.kind, w.recognised, w.reviewed, w.speakerId])).toEqual([
      ['substitution', 'cat', 'dog', spkA],
      ['insertion', 'on', null, spkA],
      ['deletion', null, 'big', spkA]
    ])
    // N = 9 reviewed words; S + D + I = 1 + 1 + 1.
    expect(set.wer.overall).toMatchObject({ substitutions: 1, deletions: 1, insertions: 1, referenceWords: 9, wer: 1 / 3 })
    expect(set.speakerReassignments).toEqual([expect.objectContaining({ fromSpeakerId: spkB, toSpeakerId: spkA, words: 4, text: 'Hello big world again' })])
    expect(set.review).toMatchObject({ heardMs: null, timeSpentMs: null })
    expect(Date.parse(set.createdAt!)).not.toBeNaN()

    const csv = await sdte(['diff', '--input', 'small.draft.json', '--format', 'csv', '--out', 'small.csv'])
    expect([csv.code, csv.stderr, csv.stdout]).toEqual([0, '', ''])
    const text = await readFile(join(dir, 'small.csv'), 'utf8')
    expect(text.split('\r\n').slice(0, 5)).toEqual([
      '\uFEFFChange,Kind,Start (s),End (s),Speaker,Recognised,Reviewed,Segment,Detail',
      expect.stringMatching(/^word,substitution,0\.\d{3},0\.\d{3},Ann,cat,dog,s0,$/),
      'word,insertion,1.500,1.900,Ann,on,,s0,',
      expect.stringMatching(/^word,deletion,4\.\d{3},\d\.\d{3},Ann,,big,s1,$/),
      'speaker,reassigned,4.000,5.800,Ann,,Hello big world again,s1,from Dr. Bob (4 words)'
    ])
  })

  it('gives WER 0 for a real task fetched unedited (its originalWords are its displayWords), by id and by external id', async () => {
    for (const args of [['--task', '7101'], ['--external-id', ' KATE-1 ']]) {
      const run = await sdte(['diff', ...args])
      expect([run.code, run.stderr]).toEqual([0, ''])
      const set = parseChangeSet(JSON.parse(run.stdout))
      expect(set.taskId).toBe(7101)
      expect(set.words).toEqual([])
      expect(set.wer.overall.wer).toBe(0)
      expect(set.wer.overall.referenceWords).toBeGreaterThan(1500)
      expect(set.wer.bySpeaker.length).toBeGreaterThan(1)
    }
  })

  it('says what is wrong in one line with the documented exit codes', async () => {
    const none = await sdte(['diff'])
    expect([none.code, none.stderr]).toEqual([2, 'sdte: sdte diff takes one of --task <id>, --external-id <id> or --input <file>\n'])
    expect((await sdte(['diff', '--task', '1', '--input', 'x'])).code).toBe(2)
    const format = await sdte(['diff', '--task', '7101', '--format', 'xml'])
    expect([format.code, format.stderr]).toEqual([2, 'sdte: --format must be json or csv, not "xml"\n'])
    const missing = await sdte(['diff', '--input', 'nope.json'])
    expect(missing.code).toBe(7)
    expect(missing.stderr).toMatch(/^sdte: .*nope\.json.*\n$/)
    const notFound = await sdte(['diff', '--task', '999999'])
    expect(notFound.code).toBe(4)
    const doc = await sdte(['diff', '--task', '2001'])
    expect(doc.code).not.toBe(0)
    expect(doc.stderr.split('\n')).toHaveLength(2)
    await writeFile(join(dir, 'doc.json'), JSON.stringify(documentTask().body))
    const docFile = await sdte(['diff', '--input', 'doc.json'])
    expect([docFile.code, docFile.stderr]).toEqual([6, 'sdte: doc.json is a document export; sdte diff compares transcripts\n'])
    const help = await sdte(['diff', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('sdte diff --task <id> | --external-id <id> | --input <draft|export.json>')
    expect((await sdte(['--help'])).stdout).toContain('sdte diff --task')
  }, 120_000) // ten sdte processes one after another: slow only when the machine is loaded
})
