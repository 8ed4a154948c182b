import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The decode worker is its own entry: decode-pool.ts starts out/main/decode-worker.js in a worker thread.
        input: { index: resolve('electron/main/index.ts'), 'decode-worker': resolve('electron/services/media/decode-worker.ts') }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require 'electron': bundle everything else, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [vue()],
    // vue-i18n's bundler flags: Composition API only, no devtools hooks in the shipped app.
    define: { __VUE_I18N_LEGACY_API__: 'false', __VUE_I18N_FULL_INSTALL__: 'true', __INTLIFY_PROD_DEVTOOLS__: 'false' },
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } }
    }
  }
})
