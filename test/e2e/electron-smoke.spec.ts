import { test, expect, _electron as electron } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/*
 * The real app in real Electron, where a binary is available. Electron downloads its binary on
 * first run; machines without that network (CI here) skip this with a one-line reason.
 */
const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '../..')

/**
 * The Electron binary if one is on disk, found the way electron's own index.js finds it but
 * WITHOUT requiring it: requiring 'electron' starts a download when the binary is missing, which
 * on a machine without that network would stall the suite.
 */
function electronBinary(): string | null {
  const packageDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const candidate = override ? join(override, relative ?? 'electron') : relative ? join(packageDir, 'dist', relative) : null
  return candidate && existsSync(candidate) ? candidate : null
}

const binary = electronBinary()
const reason = 'Electron smoke test skipped: no Electron binary on this machine (it downloads on first run; set ELECTRON_OVERRIDE_DIST_PATH to use one).'
if (!binary) console.log(reason)

test.describe('electron smoke', () => {
  test.skip(!binary, reason)

  test('the packaged main, preload and renderer start and the bridge answers', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, '--no-sandbox'], cwd: root })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('heading', { name: 'SD Transcript Editor' })).toBeVisible()
      const info = await page.evaluate(() => window.sdte.invoke['app:info']())
      expect(info).toMatchObject({ ok: true })
      // The preload exposes nothing else: no Node in the page.
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined')
    } finally {
      await app.close()
    }
  })
})
