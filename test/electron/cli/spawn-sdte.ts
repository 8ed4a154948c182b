import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { join, resolve } from 'node:path'

const repoRoot = resolve(import.meta.dirname, '../../..')

/** The entry `npx sdte` runs. */
export const sdteBin = join(repoRoot, 'bin', 'sdte.js')

let built: Promise<unknown> | null = null
/**
 * Builds out/cli/sdte.js from the current sources once per test worker (the same script as
 * `npm run build:cli`), so a spawned sdte never runs a bundle older than the code under test.
 */
export function buildSdte(): Promise<unknown> {
  built ??= promisify(execFile)(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], { cwd: repoRoot })
  return built
}

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
export async function spawnSdte(args: readonly string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<SdteRun> {
  await buildSdte()
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

/** Where a spawned sdte signs in: a server's address and its client credentials. */
export interface SdteServer {
  readonly baseUrl: string
  readonly config: { readonly clientId: string; readonly clientSecret: string }
}

/**
 * Runs sdte in `dir` (also its HOME, with its logs below it) signed in to `server` through the
 * environment, as a batch job would be set up; `env` adds to or overrides that environment.
 */
export function spawnSdteAgainst(server: SdteServer, dir: string, args: readonly string[], env: Record<string, string | undefined> = {}): Promise<SdteRun> {
  return spawnSdte(args, {
    cwd: dir,
    env: { HOME: dir, SDTE_BASE_URL: server.baseUrl, SDTE_CLIENT_ID: server.config.clientId, SDTE_CLIENT_SECRET: server.config.clientSecret, SDTE_LOG_DIR: join(dir, 'logs'), ...env }
  })
}
