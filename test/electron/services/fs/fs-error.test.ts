import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../electron/services/fs/atomic-write'
import { describeFsError, fileInPath, fsErrorCause } from '../../../../electron/services/fs/fs-error'

/*
 * One mapping from file-system errors to words, for sdte and the app's save and
 * export handlers: the code Node gives is not the cause people need to hear.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-fserr-'))
  await writeFile(join(dir, 'file'), 'x')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code })

describe('fsErrorCause', () => {
  it.each([
    ['EROFS', 'the disk is read-only'],
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EISDIR', 'it is a folder, not a file'],
    ['ENOENT', 'the folder does not exist'],
    ['EEXIST', 'the file already exists'],
    ['EMFILE', 'EMFILE']
  ])('%s → %s', async (code, words) => {
    expect(await fsErrorCause(errno(code), join(dir, 'sub', 'out.srt'))).toBe(words)
  })

  it.each(['ENOENT', 'EEXIST', 'ENOTDIR'])('%s where a path component is a file → "a part of the path is a file"', async (code) => {
    expect(await fsErrorCause(errno(code), join(dir, 'file', 'deeper', 'out.srt'))).toBe(`a part of the path is a file (${join(dir, 'file')})`)
  })

  it('a real write below a file is described so (whatever code Node gives)', async () => {
    for (const path of [join(dir, 'file', 'out.srt'), join(dir, 'file', 'a', 'b', 'out.srt')]) {
      const error = await writeFileAtomic(path, 'x').then(() => null, (e: unknown) => e)
      expect(await describeFsError(error, path)).toBe(`cannot write ${path}: a part of the path is a file (${join(dir, 'file')})`)
    }
  })

  it('reading a missing file', async () => {
    expect(await describeFsError(errno('ENOENT'), join(dir, 'nope.json'), 'read')).toBe(`cannot read ${join(dir, 'nope.json')}: there is no such file`)
  })

  it('fileInPath ignores the path itself and missing parts', async () => {
    expect(await fileInPath(join(dir, 'file'))).toBeNull()
    expect(await fileInPath(join(dir, 'missing', 'x'))).toBeNull()
  })
})
