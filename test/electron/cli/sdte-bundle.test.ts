import { describe, expect, it } from 'vitest'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildSdte, sdteBin } from './spawn-sdte'

/*
 * No loader at run time: sdte is built ahead of time into one self-contained bundle, so no
 * TypeScript loader (tsx, esbuild) is needed to run it, and a missing build says what to do.
 */
const repoRoot = resolve(import.meta.dirname, '../../..')

describe('the sdte bundle', () => {
  it('imports nothing but Node built-ins (no tsx, no node_modules at run time)', async () => {
    await buildSdte()
    const bundle = await readFile(join(repoRoot, 'out/cli/sdte.js'), 'utf8')
    // `from` not inside a string (a flag named "from" is not an import).
    const specifiers = [...bundle.matchAll(/(?:(?<![\w"'`])from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'.][^"']*)["']/g)].map((m) => m[1]!)
    const builtins = new Set(builtinModules)
    expect(specifiers.filter((s) => !s.startsWith('node:') && !builtins.has(s) && !builtins.has(s.split('/')[0]!))).toEqual([])
    expect(await readFile(sdteBin, 'utf8')).not.toMatch(/tsx/)
  })

  it('says how to build it when the bundle is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sdte-unbuilt-'))
    try {
      await mkdir(join(dir, 'bin'))
      await copyFile(sdteBin, join(dir, 'bin', 'sdte.js'))
      const run = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
        const child = spawn(process.execPath, [join(dir, 'bin', 'sdte.js'), '--help'], { cwd: dir })
        let stderr = ''
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
        child.on('error', fail)
        child.on('close', (code) => done({ code, stderr }))
      })
      expect(run.code).toBe(7)
      expect(run.stderr).toBe('sdte: the command is not built yet. Run `npm run build:cli` (npm install does it), then try again.\n')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
