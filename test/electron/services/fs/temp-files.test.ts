import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseTempName, sweepStaleTemps, tempPathFor } from '../../../../electron/services/fs/temp-files'
import { writeFileAtomic } from '../../../../electron/services/fs/atomic-write'
import { privateDirMode, privateFileMode } from '../../../../electron/services/fs/private-files'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-temps-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('temp file names', () => {
  it('carry the file name and the owner pid, so a later run can tell whose they are', () => {
    const temp = tempPathFor(join(dir, 'hearing.srt'), dir, 4242)
    expect(temp.startsWith(join(dir, '.hearing.srt.sdte-4242-'))).toBe(true)
    expect(parseTempName(temp.slice(dir.length + 1))).toEqual({ target: 'hearing.srt', pid: 4242 })
    expect(parseTempName('.old.srt.0123456789ab.tmp')).toEqual({ target: 'old.srt', pid: null })
    expect(parseTempName('hearing.srt')).toBeNull()
    expect(parseTempName('.hidden.tmp')).toBeNull()
  })
})

describe('sweepStaleTemps', () => {
  it("removes a dead writer's temp at once, keeps a live writer's fresh one, removes any old one", async () => {
    const dead = join(dir, '.a.srt.sdte-999999-00aa.tmp')
    const live = join(dir, `.b.srt.sdte-${process.pid}-00bb.tmp`)
    const oldLive = join(dir, `.c.srt.sdte-${process.pid}-00cc.tmp`)
    const legacyFresh = join(dir, '.d.srt.0123456789ab.tmp')
    for (const path of [dead, live, oldLive, legacyFresh]) await writeFile(path, 'partial')
    await writeFile(join(dir, 'keep.srt'), 'whole')
    const old = new Date(Date.now() - 60 * 60_000)
    await utimes(oldLive, old, old)
    const removed = await sweepStaleTemps(dir, { isAlive: (pid) => pid === process.pid })
    expect(removed).toBe(2)
    expect((await readdir(dir)).sort()).toEqual([live, legacyFresh].map((p) => p.slice(dir.length + 1)).concat('keep.srt').sort())
  })

  it('never throws for a folder that is missing', async () => {
    expect(await sweepStaleTemps(join(dir, 'nope'))).toBe(0)
  })
})

describe('writeFileAtomic', () => {
  it('writes private files 0600 in a 0700 folder when asked, and leaves no temp', async () => {
    const path = join(dir, 'private', 'x.json')
    await writeFileAtomic(path, '{}', { private: true })
    expect((await stat(path)).mode & 0o777).toBe(privateFileMode)
    expect((await stat(join(dir, 'private'))).mode & 0o777).toBe(privateDirMode)
    expect(await readdir(join(dir, 'private'))).toEqual(['x.json'])
  })
})
