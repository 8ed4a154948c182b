import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { partFileName, sweepPartFiles } from '../../../../electron/services/download/part-files'

describe('sweepPartFiles (the pid check shared with temp-files)', () => {
  let cache: string
  beforeEach(async () => {
    cache = await mkdtemp(join(tmpdir(), 'sdte-part-files-'))
  })
  afterEach(async () => {
    await rm(cache, { recursive: true, force: true })
  })

  it('removes the parts of a process that has exited and old-style ones, keeps this process\'s own', async () => {
    // A real process that has run and exited: its pid no longer answers signal 0.
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    const entry = join(cache, 'task-1')
    await mkdir(entry)
    const mine = partFileName('media')
    await writeFile(join(entry, mine), 'x')
    await writeFile(join(entry, `.media.${gone}.abcdef012345.part`), 'x')
    await writeFile(join(entry, '.document.abcdef012345.part'), 'x')
    await writeFile(join(entry, 'media.mp3'), 'x')
    expect(await sweepPartFiles(cache)).toBe(2)
    expect((await readdir(entry)).sort()).toEqual([mine, 'media.mp3'].sort())
  })
})
