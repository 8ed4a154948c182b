import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { composeServices } from '../../../electron/main/compose-services'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'

/*
 * A download killed mid-way (SIGKILL: no finally, no cleanup) leaves its temp file; the next
 * start of the app sweeps it, while a temp file of a process that still runs is left alone.
 */

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((_req, res) => {
    // A slow recording: some bytes, then nothing until the client goes away.
    res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(10 * 1024 * 1024) })
    res.write(Buffer.alloc(64 * 1024, 1))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

describe('unfinished downloads', () => {
  it('a killed download’s part file is swept at the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sdte-sweep-'))
    try {
      const cacheDir = join(dataDir, 'media-cache')
      const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'support/download-child.ts'), cacheDir, `${base}/slow.wav?sig=x`], {
        stdio: ['ignore', 'pipe', 'inherit']
      })
      const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)))
      await new Promise<void>((done, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('receiving')) done()
        })
        child.once('exit', () => fail(new Error('the download process ended before receiving')))
      })
      const entry = join(cacheDir, '41003')
      // Progress is counted as bytes arrive, a moment before the write stream has opened its file.
      const parts = await vi.waitFor(async () => {
        const found = (await readdir(entry).catch(() => [])).filter((n) => n.endsWith('.part'))
        expect(found).toHaveLength(1)
        return found
      }, { timeout: 10_000 })
      expect(parts[0]).toMatch(new RegExp(`^\\.media\\.${child.pid}\\.[0-9a-f]+\\.part$`))
      child.kill('SIGKILL')
      expect(await exited).toBe('SIGKILL')
      expect((await readdir(entry)).filter((n) => n.endsWith('.part'))).toHaveLength(1)

      // A download still running in another process (this one) keeps its temp file.
      const live = `.media.${process.pid}.abcdef.part`
      await writeFile(join(entry, live), 'in progress')
      await mkdir(join(dataDir, 'document-cache', '7'), { recursive: true })
      await writeFile(join(dataDir, 'document-cache', '7', '.document.0a1b.part'), 'old style, no pid')

      await mkdir(join(dataDir, 'logs'), { recursive: true })
      await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
      expect((await readdir(entry)).filter((n) => n.endsWith('.part'))).toEqual([live])
      expect(await readdir(join(dataDir, 'document-cache', '7'))).toEqual([])
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
