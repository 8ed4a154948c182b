// Flat config. The import boundaries are the point: folder = runtime
// (docs/architecture.md#runtimes-and-folders).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'stream', 'url', 'util', 'zlib', 'events', 'buffer']

/** Renderer templates whose strings are all translated (checked by vue/no-bare-strings-in-template): every one. */
const translatedTemplates = ['renderer/src/**/*.vue']

/**
 * Attributes a person sees or hears, on any element: the rule's default checks `placeholder`
 * only on `<input>` and `alt` only on `<img>`, so a `<textarea placeholder>` slipped through.
 */
const translatedAttributes = {
  '/.+/': ['title', 'aria-label', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'aria-description', 'placeholder', 'alt']
}

/**
 * Text a template may show untranslated: the rule's default punctuation, symbols, proper nouns
 * (the product, the platform, the CLI) and key names (shortcut labels are unaffected by language).
 */
const untranslatedText = [
  '(', ')', ',', '.', '&', '+', '-', '=', '*', '/', '#', '%', '!', '?', ':', '[', ']', '{', '}', '<', '>', '·', '•', '‐', '–', '—', '−', '|',
  '×', '…', '→', '←', '↑', '↓', '⌘', '⇧', '⌥', '✓', '✕', '▶', '⏸', '↵', '⌨', '"', "'", '“', '”', '‘', '’', '«', '»',
  'SD Transcript Editor', 'SmartDocumentor', 'sdte', 'https://cloud.smartdocumentor.net', 'Ctrl', 'Shift', 'Alt', 'Esc', 'Enter', 'Tab', 'Space', 'Home', 'End', 'PgUp', 'PgDn',
  '/^\\d+$/u',
  // Format names and the document pane's arrows and warning mark (i18n part C).
  'CSV', 'JSON', '‹', '›', '⚠'
]

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
    // Every user-visible string in every renderer template goes through vue-i18n (docs/i18n.md).
    files: translatedTemplates,
    rules: { 'vue/no-bare-strings-in-template': ['error', { allowlist: untranslatedText, attributes: translatedAttributes }] }
  },
  {
    // Small modules, no import cycles (docs/architecture.md#runtimes-and-folders). Size counts
    // code only: blank lines and comments are skipped so the why-comments and doc comments we
    // ask for never push a file over. Tests have no size limit and are not checked for cycles.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,vue}'],
    plugins: { 'import-x': importX },
    // no-cycle parses imported .vue files with the importer's options: give vue-eslint-parser its
    // script parser even when the importer is a .ts file.
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'vue-eslint-parser': ['.vue'] },
      // Packages are not walked: a cycle can only run through our own files.
      'import-x/external-module-folders': ['node_modules']
    },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }]
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
