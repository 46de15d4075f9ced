// ESLint flat config. The restricted-import rules below encode the layering in
// docs/architecture.md: only the Electron layer and the preload may touch 'electron',
// only the preload and the IPC bridge may touch ipcRenderer/ipcMain, Practice HMRC never
// imports the client it checks, and src/shared stays free of Node, Electron and the DOM.
// They also keep the path aliases of tsconfig.base.json in use: src/shared is imported as
// @shared/… and src/renderer/src as @renderer/… (the renderer only), never by climbing folders.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyHere = {
  name: 'electron',
  message:
    "Only src/main/electron/ and src/preload/ may import 'electron'; depend on a port instead.",
};

/** Reach src/shared and src/renderer/src through their aliases, never by climbing folders. */
const viaAliases = [
  {
    group: ['**/shared/**'],
    message: 'Import src/shared as @shared/… (the path alias in tsconfig.base.json).',
  },
  {
    group: ['**/renderer/src/**'],
    message: 'Import src/renderer/src as @renderer/… (the path alias in tsconfig.base.json).',
  },
];
const rendererOnly = {
  group: ['@renderer/*'],
  message: 'Only the renderer (and its tests) may import @renderer/….',
};
/** Inside the renderer and src/shared, two folders up is another area: use the alias. */
const noClimbing = {
  group: ['../../**'],
  message: 'Climbing two folders or more: import it as @renderer/… or @shared/….',
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
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // An async function that throws must reject, not throw: `async` with no `await` is how this
      // code implements a Promise-returning port. The mistakes require-await looks for (a
      // forgotten await) are caught by no-floating-promises and no-misused-promises, which stay.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyHere], patterns: [...viaAliases, rendererOnly] },
      ],
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
          patterns: [...viaAliases, rendererOnly],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts', 'src/main/electron/ipc-main-bridge.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...viaAliases, rendererOnly] }],
    },
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
              group: [
                '**/main/**',
                '**/main',
                '**/renderer/**',
                '**/preload/**',
                '**/shared/**',
                '@shared/*',
                '@renderer/*',
              ],
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
              group: [
                '**/main/**',
                '**/renderer/**',
                '**/preload/**',
                '**/practice/**',
                '@renderer/*',
              ],
              message: 'src/shared is the bottom layer.',
            },
            noClimbing,
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
            ...viaAliases,
            noClimbing,
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
    // Plain JavaScript (configs, build hooks, the test runner) is in no TypeScript program.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
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
      // Tests compare against vitest's asymmetric matchers (expect.any(), expect.objectContaining())
      // and parsed JSON, which are typed `any` by design; the code under test gets the full set.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Tests mock 'electron' (test/support/electron-mock.ts) and import the Electron layer
      // directly; they reach src/shared and the renderer through the aliases like src does.
      'no-restricted-imports': ['error', { patterns: viaAliases }],
    },
  },
);
