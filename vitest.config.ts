import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// One project per runtime, mirroring the source folders (DESIGN.md "Testing").
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['test/shared/**/*.test.ts']
        }
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts', 'test/fake-api/**/*.test.ts'],
          testTimeout: 30_000
        }
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts']
        }
      }
    ]
  }
})
