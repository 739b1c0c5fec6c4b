// Projects of one runner: `npm test` reads their JSON results for the closing `N passed, N failed`.
// PGlite, the embedded PostgreSQL of the in-process server, is loaded outside jest's sandbox
// (test/support/pglite-outside-jest.js).
// - app:      components under jsdom, the real Taro H5 components and Taro.request talking to the
//             server in-process (no port).
// - server:   the server's pure rules, its modules against PGlite, its store and process (test/mock).
// - contract: the HTTP contract against the server in-process, or any backend with API_BASE_URL.
// - e2e:      real-browser journeys (Debian Chromium) on the H5 production build.
// - weapp:    the built mini-program (dist/weapp) rendered and driven by miniprogram-simulate against
//             the mock over HTTP (test/support/weapp-harness.ts); run after `npm run build:weapp`.
// Code under test reads TARO_ENV the way a real H5 build does (do not set TARO_PLATFORM: see taro-notes).
process.env.TARO_ENV = 'h5'

const esmPackages = [
  '@tarojs',
  '@stencil',
  'tslib',
  'swiper',
  'ssr-window',
  'dom7',
  'valibot',
  '@valibot',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'lodash-es',
  'history',
  'mobile-detect',
  'abortcontroller-polyfill',
  'nanoid',
].join('|')

// swc rather than babel-jest: CI runs from a fresh clone, so every file is transformed cold, and swc transforms
// faster (the mall component tests from a cold cache: 54.6 -> 43.9 s of CPU for the whole run).
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, tsx: true } : { syntax, jsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2021',
    },
    module: { type: 'commonjs' },
  },
]

const shared = {
  transform: { '^.+\\.tsx?$': swc('typescript'), '^.+\\.(jsx?|mjs)$': swc('ecmascript') },
  // Transform any file whose path mentions one of these (including the .pnpm folders nested in @tarojs packages).
  transformIgnorePatterns: [`^(?!.*/node_modules/(?:.*/)?(?:${esmPackages})/).*/node_modules/`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'node', 'mjs'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/support/taro-shim.ts',
    '^@electric-sql/pglite$': '<rootDir>/test/support/pglite-outside-jest.js',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/support/style-stub.js',
  },
}

module.exports = {
  globalTeardown: '<rootDir>/test/support/close-shared-pglite.js',
  projects: [
    {
      ...shared,
      displayName: 'app',
      testEnvironment: '<rootDir>/test/support/jsdom-with-fetch.js',
      testMatch: ['<rootDir>/test/src/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/support/setup-app.ts'],
      // The build-time constants Taro's webpack config defines for the runtime.
      globals: {
        DEPRECATED_ADAPTER_COMPONENT: false,
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        ENABLE_MUTATION_OBSERVER: true,
      },
    },
    {
      ...shared,
      displayName: 'server',
      testEnvironment: '<rootDir>/test/support/node-with-pglite.js',
      testMatch: ['<rootDir>/test/mock/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'contract',
      testEnvironment: '<rootDir>/test/support/node-with-pglite.js',
      testMatch: ['<rootDir>/test/contract/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: '<rootDir>/test/support/node-with-pglite.js',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'weapp',
      // j-component renders into a DOM (the built app itself runs without one: see the harness);
      // the in-process server needs Node's Request/Response, which plain jsdom hides.
      testEnvironment: '<rootDir>/test/support/jsdom-with-fetch.js',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
  ],
}
