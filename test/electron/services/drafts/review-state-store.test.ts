import { beforeEach, describe, expect, it } from 'vitest'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createReviewStateStore, readReviewStateBeside, sidecarCandidates } from '../../../../electron/services/drafts/review-state-store'
import type { ReviewStateProblem } from '../../../../electron/services/drafts/review-state-store'
import type { ReviewStateBody } from '../../../../shared/review/review-state'

let dir: string
let reports: ReviewStateProblem[]
const clock = 1_700_000_000_000

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-review-state-'))
  reports = []
  return () => rm(dir, { recursive: true, force: true })
})

const store = (rename?: (a: string, b: string) => Promise<void>) => createReviewStateStore({ dir, now: () => clock, report: (p) => reports.push(p), ...(rename ? { rename } : {}) })
const body: ReviewStateBody = { heard: [[0, 1500], [4000, 9000]], maxRate: 1.5, activeMs: 61_000, durationMs: 60_000 }

describe('review-state store', () => {
  it('round-trips the state in <taskId>.review.json, private', async () => {
    const s = store()
    expect(await s.save(41001, body)).toEqual({ savedAt: clock })
    expect(await readdir(dir)).toEqual(['41001.review.json'])
    const raw = JSON.parse(await readFile(join(dir, '41001.review.json'), 'utf8'))
    expect(raw).toEqual({ version: 1, taskId: '41001', savedAt: clock, ...body })
    expect((await stat(join(dir, '41001.review.json'))).mode & 0o777).toBe(0o600)
    expect(await s.lookup(41001)).toEqual({ state: raw, problem: null })
    expect(await s.lookup(5)).toEqual({ state: null, problem: null })
  })

  it('merges overlapping intervals written by someone else on the way in', async () => {
    await writeFile(join(dir, '7.review.json'), JSON.stringify({ version: 1, taskId: '7', savedAt: 1, heard: [[500, 900], [0, 600]], maxRate: 1.5, activeMs: 0, durationMs: 0 }))
    expect((await store().lookup(7)).state?.heard).toEqual([[0, 900]])
  })

  const corrupt: Array<[string, string, RegExp]> = [
    ['truncated JSON', '{"version":1,"taskId":"9"', /not JSON/],
    ['another task', JSON.stringify({ version: 1, taskId: '8', savedAt: 1, heard: [], maxRate: 1.5, activeMs: 0, durationMs: 0 }), /another task/],
    ['a backwards interval', JSON.stringify({ version: 1, taskId: '9', savedAt: 1, heard: [[10, 5]], maxRate: 1.5, activeMs: 0, durationMs: 0 }), /heard\.0/],
    ['an unknown version', JSON.stringify({ version: 2, taskId: '9', savedAt: 1, heard: [], maxRate: 1.5, activeMs: 0, durationMs: 0 }), /version/]
  ]
  it.each(corrupt)('moves aside and reports %s', async (_name, text, reason) => {
    await writeFile(join(dir, '9.review.json'), text)
    const found = await store().lookup(9)
    expect(found.state).toBeNull()
    expect(found.problem?.keptAt).toBe(join(dir, `9.review.json.corrupt-${clock}`))
    expect(found.problem?.message).toMatch(reason)
    expect(reports).toHaveLength(1)
    expect(await readdir(dir)).toEqual([`9.review.json.corrupt-${clock}`])
    // Nothing was lost: the kept file is the one that was there.
    expect(await readFile(join(dir, `9.review.json.corrupt-${clock}`), 'utf8')).toBe(text)
  })

  it('leaves an unreadable file in place when it cannot be moved, and still answers', async () => {
    await writeFile(join(dir, '9.review.json'), 'garbage')
    const found = await store(async () => {
      throw Object.assign(new Error('read-only'), { code: 'EROFS' })
    }).lookup(9)
    expect(found).toEqual({ state: null, problem: { keptAt: join(dir, '9.review.json'), message: expect.stringContaining('could not be moved aside (EROFS)') } })
  })

  it('discards (and discarding nothing is fine)', async () => {
    const s = store()
    await s.save(3, body)
    await s.discard(3)
    await s.discard(3)
    expect(await readdir(dir)).toEqual([])
  })

  it('refuses a task id that could leave the folder', async () => {
    await expect(store().save('../x', body)).rejects.toMatchObject({ code: 'bad_request' })
  })

  it('says in words when the folder cannot be written', async () => {
    if (process.getuid?.() === 0) return // root writes anywhere; the read-only folder cannot be simulated this way
    const ro = join(dir, 'ro')
    await mkdir(ro)
    await chmod(ro, 0o500)
    await expect(createReviewStateStore({ dir: ro, now: () => clock }).save(3, body)).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('could not be written') })
  })

  it('the last of several concurrent saves wins', async () => {
    const s = store()
    await Promise.all([1, 2, 3, 4, 5].map((k) => s.save(4, { ...body, activeMs: k })))
    expect((await s.lookup(4)).state?.activeMs).toBe(5)
  })
})

describe('the sidecar beside a draft (sdte)', () => {
  it('lists where to look: by task id beside the draft, then <draft>.review.json', () => {
    expect(sidecarCandidates('/d/41001.draft.json', 41001)).toEqual(['/d/41001.review.json', '/d/41001.draft.json.review.json'])
    expect(sidecarCandidates('/d/my.json', 41001)).toEqual(['/d/41001.review.json', '/d/my.json.review.json'])
  })

  it('finds the sidecar of a draft copied elsewhere under its own name', async () => {
    await writeFile(join(dir, 'mine.json.review.json'), JSON.stringify({ version: 1, taskId: '41001', savedAt: 5, ...body }))
    const found = await readReviewStateBeside(join(dir, 'mine.json'), 41001)
    expect(found.state).toMatchObject({ activeMs: 61_000, heard: body.heard })
    expect(found.path).toBe(join(dir, 'mine.json.review.json'))
  })

  it('reports an unreadable sidecar without moving it, and null when there is none', async () => {
    expect(await readReviewStateBeside(join(dir, '41001.draft.json'), 41001)).toEqual({ state: null, problem: null, path: null })
    await writeFile(join(dir, '41001.review.json'), '{')
    const found = await readReviewStateBeside(join(dir, '41001.draft.json'), 41001)
    expect(found.problem?.message).toMatch(/unreadable \(not JSON\)/)
    expect(await readdir(dir)).toEqual(['41001.review.json'])
  })
})

describe('temp files of a killed writer', () => {
  it('sweeps its own dead writers’ temps, never a live writer’s or a draft’s', async () => {
    const { spawnSync } = await import('node:child_process')
    const { tempPathFor } = await import('../../../../electron/services/fs/temp-files')
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    const deadState = tempPathFor(join(dir, '5.review.json'), dir, dead)
    const liveState = tempPathFor(join(dir, '6.review.json'), dir, process.pid)
    const deadDraft = tempPathFor(join(dir, '5.draft.json'), dir, dead)
    for (const p of [deadState, liveState, deadDraft]) await writeFile(p, '{')
    expect(await store().removeStaleTemps()).toBe(1)
    const left = await readdir(dir)
    expect(left.sort()).toEqual([liveState, deadDraft].map((p) => p.slice(dir.length + 1)).sort())
  })
})
