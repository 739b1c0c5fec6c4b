// 个人资料's avatar on the H5 production build at a phone viewport: the member without one sees their initial,
// picks a real photo through the file input, sees it at once, and finds it on 我的's member card and on their post
// (the author line) too.
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import {
  callApi,
  closeAll,
  E2E_TEST_TIMEOUT_MS,
  launchPhone,
  screenshot,
  startStack,
  visible,
  type Phone,
  type Stack,
} from './support'

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2)

let stack: Stack
let phone: Phone
let token = ''

beforeAll(async () => {
  stack = await startStack()
  phone = await launchPhone({ baseURL: stack.baseUrl })
  token = (
    (await callApi(stack.apiBase, 'POST', '/__mock/persona', { body: { id: 'new-member' } })) as { token: string }
  ).token
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-avatar-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, token)
})

afterAll(closeAll)

const api = <T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> =>
  callApi(stack.apiBase, method, path, { body, token, idempotencyKey }) as Promise<T>

/** A real PNG, drawn and encoded by the browser itself. */
async function realPhoto(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const url = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 96
    canvas.height = 96
    const context = canvas.getContext('2d') as CanvasRenderingContext2D
    context.fillStyle = '#2b6cb0'
    context.fillRect(0, 0, 96, 96)
    context.fillStyle = '#ffffff'
    context.beginPath()
    context.arc(48, 40, 20, 0, Math.PI * 2)
    context.fill()
    return canvas.toDataURL('image/png')
  })
  return { name: 'me.png', mimeType: 'image/png', buffer: Buffer.from(url.split(',')[1] ?? '', 'base64') }
}

test('change the avatar in 个人资料: the new photo shows at once, and on my post', async () => {
  const page = phone.page
  const before = await api<{ nickname: string; avatarUrl: string }>('GET', '/me')
  expect(before.avatarUrl).toBe('')
  await page.goto('/packages/membership/profile/index')
  const initial = visible(page, 'profile-avatar-initial')
  await initial.waitFor()
  expect(await initial.textContent()).toBe(before.nickname.slice(0, 1))
  await screenshot(page, 'profile-avatar-01-initial')

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, 'change-avatar').click()])
  await chooser.setFiles(await realPhoto(page))
  const image = page.locator('[data-testid="profile-avatar"]:visible img')
  await image.waitFor()
  const after = await api<{ avatarUrl: string }>('GET', '/me')
  expect(after.avatarUrl).toMatch(/\/api\/v1\/uploads\/[0-9a-f]+\.(?:jpg|png)$/)
  expect(await image.getAttribute('src')).toBe(after.avatarUrl)
  expect(await image.getAttribute('alt')).toBe(`${before.nickname}的头像`)
  // The picture really loads (served by the API, not a broken image).
  await page.waitForFunction(
    () =>
      ((document.querySelector('[data-testid="profile-avatar"] img') as HTMLImageElement | null)?.naturalWidth ?? 0) >
      0,
  )
  expect(await visible(page, 'avatar-error').count()).toBe(0)
  await screenshot(page, 'profile-avatar-02-changed')

  // 我的's member card shows it.
  await page.goto('/pages/me/index')
  await page.locator(`[data-testid="member-card"]:visible [src="${after.avatarUrl}"]`).first().waitFor()
  await screenshot(page, 'profile-avatar-03-member-card')

  // My post's author line carries it too.
  const post = await api<{ id: string }>('POST', '/posts', { text: '换了新头像，来打个招呼' }, randomUUID())
  await page.goto(`/packages/community/post/index?id=${post.id}`)
  const authorAvatar = page.locator(`img[src="${after.avatarUrl}"]:visible`).first()
  await authorAvatar.waitFor()
  await screenshot(page, 'profile-avatar-04-on-my-post')
})
