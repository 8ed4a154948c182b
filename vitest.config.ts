import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// One project per runtime, mirroring the source folders
// (docs/architecture.md#testing-without-electron).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['test/shared/**/*.test.ts'],
          // The read-back tests run installed programs (ffmpeg, Chromium, LibreOffice) on the output.
          testTimeout: 30_000
        }
      },
      {
        // The glue is tested against a small fake of the `electron` module.
        resolve: { alias: { electron: fileURLToPath(new URL('./test/electron/support/fake-electron.ts', import.meta.url)) } },
        test: {
          name: 'electron',
          environment: 'node',
          // Inlined so its `import electron` meets the fake too: settings recovery is tested with the real electron-store.
          server: { deps: { inline: ['electron-store'] } },
          include: ['test/electron/**/*.test.ts', 'test/fake-api/**/*.test.ts'],
          testTimeout: 30_000
        }
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
          setupFiles: ['test/renderer/support/setup-i18n.ts'],
          // Component tests mount whole panes; on a busy 2-core machine 5 s was too tight for a few.
          testTimeout: 20_000
        }
      }
    ]
  }
})
