// ESLint flat config. The restricted-import rules below encode the layering in
// docs/architecture.md: only the Electron layer and the preload may touch 'electron',
// only the preload and the IPC bridge may touch ipcRenderer/ipcMain, Practice HMRC never
// imports the client it checks, and src/shared stays free of Node, Electron and the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyHere = {
  name: 'electron',
  message:
    "Only src/main/electron/ and src/preload/ may import 'electron'; depend on a port instead.",
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'assets/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': ['error', { paths: [electronOnlyHere] }],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed IPC bridge (src/main/electron/ipc-main-bridge.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts', 'src/main/electron/ipc-main-bridge.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/practice/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyHere],
          patterns: [
            {
              group: ['**/main/**', '**/main', '**/renderer/**', '**/preload/**'],
              message:
                'Practice HMRC is the independent other side of every exchange: it shares no code with the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyHere],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process'],
              message: 'src/shared is pure TypeScript: no Node.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/practice/**'],
              message: 'src/shared is the bottom layer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyHere,
            {
              name: 'zod',
              message:
                'Keep zod out of the renderer bundle (250 KB budget); the contract types are enough.',
            },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/practice/**', '**/preload/**', 'node:*'],
              message: 'The renderer talks to main only through window.ledgerlink.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'ledgerlink',
          message: 'Only src/renderer/src/bridge.ts touches window.ledgerlink.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/bridge.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // electron-builder loads its hooks with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: {
      'no-console': 'off',
      // Tests mock 'electron' (test/support/electron-mock.ts) and import the Electron layer directly.
      'no-restricted-imports': 'off',
    },
  },
);
