import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

/*
 * Debian's Chromium by default (these machines cannot download Playwright's browsers);
 * CHROMIUM_PATH overrides; elsewhere Playwright's own browser is used.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env['CI'] ? 1 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required'
      ]
    }
  },
  projects: [{ name: executablePath ? 'chromium (system)' : 'chromium (playwright)', use: { browserName: 'chromium' } }]
})
