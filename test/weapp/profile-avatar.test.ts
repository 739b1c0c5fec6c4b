// 个人资料's avatar in the built mini-program (dist/weapp): WeChat's avatar picker (<button open-type="chooseAvatar">)
// answers a temp file in its chooseavatar event, wx.uploadFile is played as WeChat answers it (the body back as a
// string), the picture goes to the server over HTTP, and PATCH /me names it; the page shows the new avatar.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const BUILT_API_BASE = 'http://127.0.0.1:9527/api/v1'
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Callbacks = {
  success?: (answer: unknown) => void
  fail?: (answer: unknown) => void
  complete?: (answer: unknown) => void
}

/** wx.uploadFile sending the temp file's bytes to the test server as multipart. */
function modelUploads(target: Weapp, bytes: Uint8Array<ArrayBuffer>, uploads: string[]) {
  const wx = target.fake.wx as unknown as Record<string, (options: never) => unknown>
  wx.uploadFile = ((
    options: Callbacks & { url: string; name: string; filePath: string; header: Record<string, string> },
  ) => {
    uploads.push(options.filePath)
    void (async () => {
      const form = new FormData()
      form.append(options.name, new Blob([bytes]), 'avatar.png')
      const response = await fetch(options.url.replace(BUILT_API_BASE, server.apiBase), {
        method: 'POST',
        headers: options.header,
        body: form,
      })
      const answer = { errMsg: 'uploadFile:ok', statusCode: response.status, data: await response.text() }
      options.success?.(answer)
      options.complete?.(answer)
    })()
    return { onProgressUpdate: () => undefined, abort: () => undefined }
  }) as never
}

type TaroNode = { sid?: string; cn?: TaroNode[] } & Record<string, unknown>

/** The node of Taro's data tree that rendered `element` (matched by its data-sid). */
function taroNode(data: unknown, element: Element): TaroNode | null {
  const sid = element.getAttribute('data-sid')
  const walk = (value: unknown): TaroNode | null => {
    if (Array.isArray(value)) return value.map(walk).find((found) => found !== null) ?? null
    if (value === null || typeof value !== 'object') return null
    const item = value as TaroNode
    if (item.sid === sid) return item
    return walk(Object.values(item).filter((child) => typeof child === 'object'))
  }
  return walk(data)
}

const pageData = (target: Weapp): unknown =>
  (target.current().component as unknown as { instance: { data: unknown } }).instance.data

const patches = (target: Weapp) =>
  target.fake.requests.filter((request) => request.method === 'PATCH' && request.url.endsWith('/me'))

test("WeChat's avatar picker: the chosen picture is uploaded, PATCH /me names it, and the page shows it", async () => {
  const { token } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'packages/membership/profile/index' })
  await weapp.waitForText('更换头像')
  expect(weapp.findAll('wx-image')).toHaveLength(0)
  const uploads: string[] = []
  modelUploads(weapp, PNG, uploads)

  // The element is WeChat's own button with open-type chooseAvatar: WeChat, not the app, opens the picker.
  const button = weapp.find('更换头像')
  expect(button.tagName).toBe('WX-BUTTON')
  // Its open-type, as Taro hands it to the template (props go by short keys in the page's data).
  const node = taroNode(pageData(weapp), button)
  expect(Object.values(node ?? {})).toContain('chooseAvatar')
  await weapp.trigger(button, 'chooseavatar', { avatarUrl: 'wxfile://tmp/avatar-1.png' })
  for (const deadline = Date.now() + 5_000; weapp.findAll('wx-image').length === 0 && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 20))
  await weapp.settle()

  expect(uploads).toEqual(['wxfile://tmp/avatar-1.png'])
  const me = await server.get<{ avatarUrl: string }>('/me', token)
  expect(me.avatarUrl).toMatch(/\/api\/v1\/uploads\/[0-9a-f]+\.png$/)
  expect(patches(weapp).map((request) => request.data)).toEqual([{ avatarUrl: me.avatarUrl }])
  expect(weapp.fake.toasts).toContain('头像已更换')
  const images = weapp.findAll('wx-image')
  expect(images).toHaveLength(1)
  const image = images[0] ? taroNode(pageData(weapp), images[0]) : null
  expect(Object.values(image ?? {})).toContain(me.avatarUrl)
  expectHealthy(weapp)
})

test('a picked file the server refuses says why and sends no PATCH', async () => {
  const { token } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'packages/membership/profile/index' })
  await weapp.waitForText('更换头像')
  const before = await server.get<{ avatarUrl: string }>('/me', token)
  const imagesBefore = weapp.findAll('wx-image').length
  const uploads: string[] = []
  modelUploads(weapp, SVG, uploads)
  await weapp.trigger(weapp.find('更换头像'), 'chooseavatar', { avatarUrl: 'wxfile://tmp/not-a-picture.svg' })
  await weapp.waitForText('只能用 JPEG、PNG 或 WebP 图片作头像')
  expect(patches(weapp)).toHaveLength(0)
  expect((await server.get<{ avatarUrl: string }>('/me', token)).avatarUrl).toBe(before.avatarUrl)
  expect(weapp.findAll('wx-image')).toHaveLength(imagesBefore)
  expectHealthy(weapp)
})
