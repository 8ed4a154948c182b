import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

/** The entry `npx sdte` runs. */
export const sdteBin = join(resolve(import.meta.dirname, '../../..'), 'bin', 'sdte.js')

/** What one `sdte` run left behind. */
export interface SdteRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `node bin/sdte.js <args>` with exactly the environment given (plus PATH), the way a
 * reviewer's shell would, and collects its output.
 */
export function spawnSdte(args: readonly string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<SdteRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [sdteBin, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}
