// Browser-journey harness. A test file typically does:
//
//   jest.setTimeout(E2E_TEST_TIMEOUT_MS)
//   let stack: Stack
//   let phone: Phone
//   beforeAll(async () => {
//     stack = await startStack()
//     phone = await launchPhone({ baseURL: stack.baseUrl })
//   })
//   afterAll(closeAll)
//
// closeAll() stops every browser and server the file started, in reverse order.
import { closeWhenFileEnds, createTestDatabase } from '../../support/test-server'
import { closeAll } from './cleanup'
import { startStack as startStackOn, type Stack, type StackOptions } from './stack'

export { closeAll, HARD_TIMEOUT_MS } from './cleanup'
export { launchPhone, screenshot, waitForContent, type Phone, type PageProblem, type PhoneOptions } from './phone'
export type { Stack } from './stack'
export { pageInFront, visible } from './locate'
export { callApi } from './api'
export { startStaticServer, type StaticServer } from './static-server'
export { distH5, repoRoot, screenshotsDir } from './paths'

/**
 * The H5 build and a mock server on a schema of its own, seeded by copy, on the one PGlite that the files of this jest
 * process share (test/support/test-server.ts): a server that opened its own in-memory store spent 2-4 s booting,
 * migrating and seeding it in every file. The benchmarks, outside jest, call ./stack directly.
 */
export const startStack = async (options: Omit<StackOptions, 'db'> = {}): Promise<Stack> =>
  startStackOn({ ...options, db: await createTestDatabase({ settings: options.settings, config: options.config }) })

// The file's browsers and servers stop before its schemas are dropped (test-server's afterAll runs first).
closeWhenFileEnds(closeAll)

/** Per-test budget: a cold Chromium plus a first page load on 2 cores takes a few seconds. */
export const E2E_TEST_TIMEOUT_MS = 60_000
