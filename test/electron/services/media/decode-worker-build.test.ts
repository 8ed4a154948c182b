import { afterAll, beforeAll, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { build } from 'electron-vite'
import type { WorkerReply } from '../../../../electron/services/media/decode-worker'
import { ensureFormat } from '../../../fixtures/audio/generate'

/*
 * The packaged app runs the bundled main, not the sources: the project's electron-vite config
 * must emit the decode worker as its own entry beside index.js, where decode-pool looks for it,
 * and that file must decode on its own in a worker thread (no tsx, no electron).
 */

const repo = resolve(import.meta.dirname, '../../../..')
let configDir: string
let out: string

beforeAll(async () => {
  // Only the main target of the project's own config, into a temp folder under the repo: like
  // out/main, the bundle resolves its external packages (the WASM decoders) from node_modules.
  await mkdir(join(repo, 'node_modules', '.cache'), { recursive: true })
  configDir = await mkdtemp(join(repo, 'node_modules', '.cache', 'sdte-main-build-'))
  out = configDir
  const config = join(configDir, 'main-only.config.ts')
  await writeFile(
    config,
    `import config from ${JSON.stringify(join(repo, 'electron.vite.config.ts'))}\n` +
      `export default { main: { ...config.main, build: { ...config.main.build, outDir: ${JSON.stringify(join(out, 'main'))} } } }\n`
  )
  await build({ root: repo, configFile: config, logLevel: 'silent' })
}, 120_000)

afterAll(async () => {
  await rm(configDir, { recursive: true, force: true })
})

it('the main build holds decode-worker.js beside index.js, and it decodes in a worker thread', async () => {
  const entry = join(out, 'main', 'decode-worker.js')
  expect(existsSync(join(out, 'main', 'index.js'))).toBe(true)
  expect(existsSync(entry)).toBe(true)
  // The bundled pool looks for it there.
  expect(await readFile(join(out, 'main', 'index.js'), 'utf8')).toContain('decode-worker.js')
  const worker = new Worker(entry, { workerData: { warm: 'mp3' }, resourceLimits: { maxOldGenerationSizeMb: 128 } })
  try {
    const done = await new Promise<WorkerReply>((done, fail) => {
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'done' || reply.type === 'error') done(reply)
      })
      worker.on('error', fail)
      void ensureFormat('mp3').then((path) => worker.postMessage({ type: 'whole', path, kind: 'mp3', pps: 100, maxBuckets: 1 << 20 }))
    })
    expect(done).toMatchObject({ type: 'done' })
    expect(done.type === 'done' && done.peaks!.durationMs).toBeGreaterThan(10_000)
  } finally {
    await worker.terminate()
  }
})
