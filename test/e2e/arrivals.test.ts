// Issue #12 on the H5 production build at a phone viewport: members who are already signed in open Lina's link
// (?ref=LINA88). The app reports each arrival once (POST /distribution/arrivals): a fan of another KOL is not
// re-bound and Lina's 粉丝 page shows the refused arrival and why; a member without a referrer becomes her fan
// with the source 链接.
import {
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  screenshot,
  startStack,
  type Stack,
  visible,
  callApi,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

const KOL_CODE = 'LINA88'
const OTHER_KOL_CODE = 'MIAO66'

let stack: Stack

type SignedIn = { token: string; member: { id: string; nickname: string } }

const api = <T>(method: string, path: string, body?: unknown, token = '') =>
  callApi<T>(stack.apiBase, method, path, { body, token, expectOk: true })

const signUp = (phone: string, ref?: string) =>
  api<SignedIn>('POST', '/auth/phone', { phone, smsCode: '123456', ...(ref ? { ref } : {}) })

/** A phone whose app is already signed in as `token`, opening Lina's link; resolves once the arrival is answered. */
async function openLinkSignedIn(token: string, shot: string): Promise<void> {
  const phone = await launchPhone({ baseURL: stack.baseUrl })
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-arrival-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
  const page = phone.page
  const reported = page.waitForResponse(
    (response) => response.url().endsWith('/distribution/arrivals') && response.request().method() === 'POST',
  )
  await page.goto(`/pages/home/index?ref=${KOL_CODE}`)
  expect((await reported).status()).toBe(200)
  await screenshot(page, shot)
  // A reload of the tab is the same opening: nothing more is reported.
  let again = 0
  page.on('request', (request) => {
    if (request.url().endsWith('/distribution/arrivals') && request.method() === 'POST') again += 1
  })
  await page.reload()
  await page.waitForLoadState('networkidle')
  expect(again).toBe(0)
  phone.expectNoErrors()
}

beforeAll(async () => {
  stack = await startStack()
})

afterAll(closeAll)

test("signed-in members open Lina's link: another KOL's fan is refused (and Lina sees why), a free member becomes her fan", async () => {
  const kol = await api<SignedIn>('POST', '/__mock/persona', { id: 'kol-distributor' })
  const otherFan = await signUp('13700005501', OTHER_KOL_CODE)
  const freeMember = await signUp('13700005502')

  await openLinkSignedIn(otherFan.token, 'arrival-01-bound-member-opens-link')
  await openLinkSignedIn(freeMember.token, 'arrival-02-free-member-opens-link')

  const kolPhone = await launchPhone({ baseURL: stack.baseUrl })
  await kolPhone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-kol-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, kol.token)
  const page = kolPhone.page
  await page.goto('/packages/distribution/fans/index')

  const refused = visible(page, 'arrival-list').locator('.kol-card', { hasText: otherFan.member.nickname })
  await refused.waitFor()
  expect(await refused.locator('[data-testid="arrival-reason"]').textContent()).toBe('已绑定其他推荐人')
  expect(await refused.locator('.kol-badge').textContent()).toBe('链接')
  const fan = visible(page, `fan-${freeMember.member.id}`)
  await fan.waitFor()
  expect(await fan.locator('[data-testid="fan-source"]').textContent()).toBe('链接')
  // The fan of another KOL did not become Lina's (fans are listed by member id; the arrivals below them by arrival).
  expect(await page.locator(`[data-testid="fan-${otherFan.member.id}"]`).count()).toBe(0)
  await screenshot(page, 'arrival-03-lina-fans')
  kolPhone.expectNoErrors()
})
