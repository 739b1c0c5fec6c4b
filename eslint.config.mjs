import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import pluginQuery from '@tanstack/eslint-plugin-query'
import globals from 'globals'

// Architecture kept by lint: pages -> features -> lib/components/stores/contract, one way.
// A feature reaches another feature only through its api/*-queries.ts.
const noUpwardImports = (from, forbidden) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((target) => ({ group: [`@/${target}/*`, `@/${target}`], message: `src/${from} must not import src/${target}` })) },
    ],
  },
})

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'test-results/', 'bench-results/', '.swc/', '.cache/', 'bench/taro-floor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of literals instead of enum.' }],
    },
  },
  { files: ['**/*.{js,cjs}'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  noUpwardImports('contract', ['lib', 'components', 'stores', 'features', 'pages', 'packages']),
  noUpwardImports('lib', ['components', 'stores', 'features', 'pages', 'packages']),
  noUpwardImports('stores', ['components', 'features', 'pages', 'packages']),
  noUpwardImports('components', ['features', 'pages', 'packages']),
  noUpwardImports('features', ['pages', 'packages']),
  {
    // The mock server and the app share only the contract; the app never imports the mock.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/contract/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/mock/*', '**/mock'], message: 'The app must not import the mock server.' }] }] },
  },
  // The server's layers (mock/): platform knows no module; a module reaches another only through its service;
  // routes never touch the database; rules are pure.
  {
    files: ['mock/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**', '**/seed/**', '**/preview/**', '../app', '../server'], message: 'mock/platform knows no module.' }] },
      ],
    },
  },
  {
    files: ['mock/modules/**/*.ts'],
    ignores: ['mock/modules/*/routes.ts', 'mock/modules/*/rules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/data', '../*/rules', '../*/routes', '../../seed/**', '../../preview/**'], message: 'Another module is reached only through its service.' }] },
      ],
    },
  },
  {
    files: ['mock/modules/*/routes.ts', 'mock/preview/routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/platform/db', './data', '../*/data', '**/modules/*/data'], message: 'Routes never touch the database: call the service.' }] },
      ],
    },
  },
  {
    files: ['mock/modules/*/rules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/platform/db', '**/platform/http', './data', './service', '../*/service', '../*/data', 'node:*'], message: 'Rules are pure functions: no database, no services, no I/O.' }] },
      ],
    },
  },
)
