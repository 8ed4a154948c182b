import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { watch } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { parseTempName } from '../../../electron/services/fs/temp-files'
import { sdteBin, spawnSdte } from './spawn-sdte'

/*
 * `sdte` killed mid-write (SIGKILL, no chance to clean
 * up) leaves a hidden `.<name>.sdte-<pid>-<hex>.tmp` of several MB in the reviewer's output
 * folder. The next `sdte` run that writes into that folder removes it, because its pid is gone,
 * and leaves alone a temp whose writer still runs.
 */

let dir = ''
let input = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-temps-cli-'))
  input = join(dir, 'senate-2h.json')
  await writeFile(input, JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json')))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Runs `sdte export` of the 2-hour task into `out` and SIGKILLs it the moment its temp file appears. */
function killMidWrite(out: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [sdteBin, 'export', '--input', input, '--format', 'json', '--out', join(out, 'hearing.json')], {
    cwd: dir,
    env: { PATH: process.env.PATH },
    stdio: 'ignore'
  })
  const watcher = watch(out, (_event, name) => {
    if (name?.endsWith('.tmp')) child.kill('SIGKILL')
  })
  return new Promise((done) =>
    child.on('exit', (_code, signal) => {
      watcher.close()
      done(signal)
    })
  )
}

describe('sdte temp files after a kill', () => {
  it('the next write into the same folder sweeps the dead run’s temp and keeps a live writer’s', async () => {
    const out = join(dir, 'out')
    await mkdir(out)
    // A temp of a writer that is still running (this test process), written just now: not stale.
    const live = `.other.srt.sdte-${process.pid}-abcdef.tmp`
    await writeFile(join(out, live), 'in progress')

    // The kill must land between the temp's creation and its rename; it nearly always does on
    // the first try (an 8 MB write and fsync), but the rename can win a race, so a few tries.
    let left: string[] = []
    for (let attempt = 0; attempt < 5 && left.length === 0; attempt++) {
      expect(await killMidWrite(out)).toBe('SIGKILL')
      left = (await readdir(out)).filter((n) => n !== live && n.endsWith('.tmp'))
    }
    expect(left.length, 'a kill landed mid-write').toBeGreaterThan(0)
    for (const name of left) {
      expect(name).toMatch(/^\.hearing\.json\.sdte-\d+-[0-9a-f]+\.tmp$/)
      expect(parseTempName(name)?.pid).not.toBe(process.pid)
    }

    const run = await spawnSdte(['export', '--input', resolve('resources/sample/sample-task.json'), '--format', 'srt', '--out', join(out, 'sample.srt')], { cwd: dir, env: {} })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const after = await readdir(out)
    for (const name of left) expect(after).not.toContain(name)
    expect(after).toContain(live)
    expect(after).toContain('sample.srt')
  }, 180_000)
})
