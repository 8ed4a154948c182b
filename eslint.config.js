// Flat config. The import boundaries are the point: folder = runtime (DESIGN.md).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'stream', 'url', 'util', 'zlib', 'events', 'buffer']

/** `no-restricted-imports` patterns shared by the pure folders. */
const forbid = (groups, message) => ({ group: groups, message })

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'vue/multi-word-component-names': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off'
    }
  },
  {
    // shared/: pure TypeScript used by both sides.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid(nodeBuiltins, 'shared/ is pure: no Node built-ins.'),
          forbid(['electron', 'electron/*', 'electron-store'], 'shared/ must not import electron.'),
          forbid(['vue', 'pinia', '@vue/*'], 'shared/ must not import vue.'),
          forbid(['**/renderer/**', '**/electron/**'], 'shared/ must not import from a runtime folder.')
        ]
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname']
    }
  },
  {
    // renderer/: knows nothing of Node or Electron; talks only to window.sdte.
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid(nodeBuiltins, 'renderer/ must not import Node built-ins.'),
          forbid(['electron', 'electron/*', 'electron-store'], 'renderer/ talks to main only through window.sdte.'),
          forbid(['**/electron/**'], 'renderer/ must not import main-process code.')
        ]
      }]
    }
  },
  {
    // services/: plain TypeScript, ports injected; only main/ and preload/ touch electron.
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid(['electron', 'electron/*', 'electron-store'], 'services and cli never import electron: inject a port.'),
          forbid(['**/renderer/**'], 'main-process code must not import the renderer.')
        ]
      }]
    }
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'test/**/*.ts', 'bin/**/*.js', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['test/e2e/**/*.ts', 'test/bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } }
  }
)
