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
export { closeAll, HARD_TIMEOUT_MS } from './cleanup'
export { launchPhone, screenshot, waitForContent, type Phone, type PageProblem, type PhoneOptions } from './phone'
export { startStack, type Stack } from './stack'
export { pageInFront, visible } from './locate'
export { callApi } from './api'
export { startStaticServer, type StaticServer } from './static-server'
export { distH5, repoRoot, screenshotsDir } from './paths'

/** Per-test budget: a cold Chromium plus a first page load on 2 cores takes a few seconds. */
export const E2E_TEST_TIMEOUT_MS = 60_000
