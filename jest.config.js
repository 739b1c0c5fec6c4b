// Three projects, one runner: `npm test` reads their JSON results for the closing `N passed, N failed`.
// - app:      components and pure rules under jsdom, the real Taro H5 components and Taro.request
//             talking to the mock API in-process (no port).
// - contract: the HTTP contract against the mock in-process, or any backend with API_BASE_URL.
// - e2e:      real-browser journeys (Debian Chromium) on the H5 production build.
const esmPackages = [
  '@tarojs',
  '@stencil',
  'tslib',
  'swiper',
  'ssr-window',
  'dom7',
  'valibot',
  '@valibot',
  'hono',
  '@hono',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'lodash-es',
  'history',
  'mobile-detect',
  'abortcontroller-polyfill',
].join('|')

const shared = {
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages})/)(?!.*\\.pnpm)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'node', 'mjs'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/support/taro-shim.ts',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/support/style-stub.js',
  },
}

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'app',
      testEnvironment: '<rootDir>/test/support/jsdom-with-fetch.js',
      testMatch: ['<rootDir>/test/src/**/*.test.{ts,tsx}', '<rootDir>/test/mock/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/support/setup-app.ts'],
      globals: { DEPRECATED_ADAPTER_COMPONENT: false },
    },
    {
      ...shared,
      displayName: 'contract',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/contract/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
}
