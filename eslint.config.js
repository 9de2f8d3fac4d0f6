import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

/**
 * Globals per folder: what each kind of code may reach without an import. `no-undef` is on for
 * TypeScript too (typescript-eslint turns it off by default), so a browser global in platform code
 * or a Node global in the renderer fails lint even where the type-check's libraries allow it.
 */
const ES = globals.es2023
const NODE = { ...ES, ...globals.node }
const BROWSER = { ...ES, ...globals.browser }
/** Electron's sandboxed preload: the page's globals and the small `process` Electron gives it, no more. */
const PRELOAD = { ...BROWSER, process: 'readonly' }
/** Names that are only types in the libraries the code is type-checked with; no-undef does not know them. */
const TYPE_ONLY = { NodeJS: 'readonly', RequestInit: 'readonly', IDBValidKey: 'readonly', EventListener: 'readonly' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', 'data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: ES },
    rules: {
      'no-undef': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // shared/: pure ECMAScript, nothing beyond ES2023 (see also tsconfig.shared.json).
  { files: ['renderer/**'], languageOptions: { globals: { ...BROWSER, ...TYPE_ONLY } } },
  {
    files: ['platform/**', 'scripts/**', 'electron/main/**', 'electron/*.ts', 'test/**', '*.config.{js,ts}', 'electron.vite.config.ts', 'vite.web.config.ts'],
    languageOptions: { globals: { ...NODE, ...TYPE_ONLY } },
  },
  { files: ['electron/preload/**'], languageOptions: { globals: PRELOAD } },
  // Unit tests run in Node (vitest), beside the code they test.
  { files: ['shared/**/*.test.ts'], languageOptions: { globals: NODE } },
  { files: ['renderer/**/*.test.ts'], languageOptions: { globals: { ...BROWSER, ...NODE } } },
  // End-to-end specs run in Node and hand functions to the page (page.evaluate), which run in the browser.
  // Browser tests and benchmarks: Node code that drives pages, and code that runs in them.
  { files: ['test/e2e/**', 'test/bench/**'], languageOptions: { globals: { ...NODE, ...BROWSER, ...TYPE_ONLY } } },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', 'vue', 'pinia', 'dexie', 'fastify', '**/renderer/**', '**/platform/**', '**/electron/**'] },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['node:*', 'electron', '**/platform/**', '**/electron/**'],
          paths: [
            {
              name: 'vue-i18n',
              importNames: ['useI18n'],
              message: "Use useI18n from renderer/i18n: its t() refuses a key that no message has (vue-i18n's takes any string).",
            },
          ],
        },
      ],
    },
  },
)
