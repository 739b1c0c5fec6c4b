// The composer and 我的笔记 in the built mini-program (dist/weapp): WeChat's chooseMedia and uploadFile are
// played here as WeChat answers them (a temp file path; the upload's body back as a string, with progress), the
// photo goes to the server over HTTP, the post is published, and 我的笔记 shows it.
// The week's check-in challenge too (also in test/e2e/community-compose.test.ts): a member joins on Monday by the
// server's clock, checks in every day, and opens the certificate the server verifies; 我的证书 lists it.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const BUILT_API_BASE = 'http://127.0.0.1:9527/api/v1'
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Callbacks = {
  success?: (answer: unknown) => void
  fail?: (answer: unknown) => void
  complete?: (answer: unknown) => void
}

/** wx.chooseMedia with one compressed photo, and wx.uploadFile sending it to the test server as multipart. */
function modelPhotoApis(target: Weapp, uploads: string[]) {
  const wx = target.fake.wx as unknown as Record<string, (options: never) => unknown>
  wx.chooseMedia = ((options: Callbacks & { count: number; sizeType: string[] }) => {
    expect(options.sizeType).toEqual(['compressed'])
    setTimeout(() => {
      const answer = {
        errMsg: 'chooseMedia:ok',
        type: 'image',
        tempFiles: [{ tempFilePath: 'wxfile://tmp/photo-1.png', size: PNG.length, fileType: 'image' }],
      }
      options.success?.(answer)
      options.complete?.(answer)
    }, 0)
  }) as never
  wx.uploadFile = ((
    options: Callbacks & { url: string; name: string; filePath: string; header: Record<string, string> },
  ) => {
    const progress: ((update: { progress: number }) => void)[] = []
    uploads.push(options.filePath)
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0))
      progress.forEach((callback) => callback({ progress: 50 }))
      const form = new FormData()
      form.append(options.name, new Blob([PNG]), 'photo-1.png')
      const response = await fetch(options.url.replace(BUILT_API_BASE, server.apiBase), {
        method: 'POST',
        headers: options.header,
        body: form,
      })
      // WeChat hands the body back as a string, whatever its type.
      const answer = { errMsg: 'uploadFile:ok', statusCode: response.status, data: await response.text() }
      options.success?.(answer)
      options.complete?.(answer)
    })()
    return {
      onProgressUpdate: (callback: (update: { progress: number }) => void) => progress.push(callback),
      abort: () => undefined,
    }
  }) as never
}

test('compose a post with a photo, publish it, and find it in 我的笔记', async () => {
  const { token } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'packages/community/compose/index' })
  await weapp.waitForText('0/1000')
  const uploads: string[] = []
  modelPhotoApis(weapp, uploads)

  await weapp.type(0, '小程序里写的第一篇笔记')
  await weapp.waitForText('11/1000')
  await weapp.tap('添加图片')
  await weapp.waitForText('1/9')
  expect(uploads).toEqual(['wxfile://tmp/photo-1.png'])
  await weapp.tap('发布')
  await weapp.waitForText('已发布')
  await weapp.waitForText('笔记已发布，大家都能看到了')

  const mine = await server.get<{ items: { text: string; images: string[]; status: string }[] }>('/me/posts', token)
  expect(mine.items[0]).toMatchObject({ text: '小程序里写的第一篇笔记', status: 'published' })
  expect(mine.items[0]?.images).toHaveLength(1)

  await weapp.tap('查看我的笔记')
  expect(weapp.current().route).toBe('packages/community/my-posts/index')
  await weapp.waitForText('小程序里写的第一篇笔记')
  await weapp.waitForText('已发布')
  expectHealthy(weapp)
})

test('the draft is kept in storage when the composer is left, and shown again', async () => {
  const { token } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'packages/community/compose/index' })
  await weapp.waitForText('0/1000')
  await weapp.type(0, '写了一半')
  await weapp.waitForText('4/1000')
  const stored = JSON.parse(String(weapp.fake.storage.get('fanloop.compose-draft'))) as { state: { text: string } }
  expect(stored.state.text).toBe('写了一半')
  const storage = weapp.fake.storage
  weapp.close()

  // A fresh launch with the same phone storage: the draft is there.
  weapp = await launch({ token, entry: 'pages/me/index', storage })
  await weapp.tap('我的笔记')
  expect(weapp.current().route).toBe('packages/community/my-posts/index')
  await weapp.tap('发布笔记')
  expect(weapp.current().route).toBe('packages/community/compose/index')
  await weapp.waitForText('4/1000')
  expectHealthy(weapp)
})

test('a KOL sees 添加商品 / 分享赚, attaches a product and publishes it; a plain member sees no picker', async () => {
  const kol = await server.persona('kol-distributor')
  weapp = await launch({ token: kol.token, entry: 'packages/community/compose/index' })
  await weapp.waitForText('添加商品 / 分享赚')
  await weapp.type(0, '小程序里挂商品的笔记')
  await weapp.tap('添加商品')
  // Price and the commission the KOL would earn, integer fen shown as ¥x.xx.
  await weapp.waitForText('玻尿酸精华液 50ml')
  await weapp.waitForText('赚 ¥19.90')
  await weapp.tap('玻尿酸精华液 50ml')
  await weapp.waitForText('移除')
  const stored = JSON.parse(String(weapp.fake.storage.get('fanloop.compose-draft'))) as { state: { productId: string } }
  expect(stored.state.productId).toBe('p-serum')
  await weapp.tap('发布')
  await weapp.waitForText('笔记已发布，大家都能看到了')
  const mine = await server.get<{ items: { text: string; productId: string | null; section: string }[] }>(
    '/me/posts',
    kol.token,
  )
  expect(mine.items[0]).toMatchObject({ text: '小程序里挂商品的笔记', productId: 'p-serum', section: 'earn' })
  expectHealthy(weapp)
  weapp.close()

  const member = await server.persona('new-member')
  weapp = await launch({ token: member.token, entry: 'packages/community/compose/index' })
  await weapp.waitForText('0/1000')
  await weapp.settle()
  expect(weapp.current().text()).not.toContain('添加商品 / 分享赚')
  expectHealthy(weapp)
})

test('修改后重发 from 我的笔记: cancelling keeps the other draft; replacing it opens the rejected post, and the fix deletes it', async () => {
  const { token } = await server.persona('post-rejected')
  const rejectedOf = async () =>
    (
      await server.get<{ items: { id: string; text: string; status: string }[] }>('/me/posts?limit=50', token)
    ).items.filter((post) => post.status === 'rejected')
  const [reworked, ...others] = await rejectedOf()
  if (!reworked) throw new Error('the post-rejected persona has no rejected post')

  // A draft of another post is on the phone.
  weapp = await launch({ token, entry: 'packages/community/compose/index' })
  await weapp.waitForText('0/1000')
  await weapp.type(0, '另一篇还没写完')
  await weapp.waitForText('7/1000')
  const draftText = () =>
    (JSON.parse(String(weapp?.fake.storage.get('fanloop.compose-draft'))) as { state: { text: string } }).state.text

  await weapp.open('packages/community/my-posts/index')
  await weapp.waitForText('修改后重发')
  // WeChat's modal asks before the draft is replaced; 取消 leaves everything as it was.
  weapp.fake.modalAnswers.push(false)
  await weapp.tap('修改后重发')
  expect(weapp.fake.toasts.at(-1)).toContain('用这篇未通过的笔记替换它吗')
  expect(weapp.current().route).toBe('packages/community/my-posts/index')
  expect(draftText()).toBe('另一篇还没写完')

  // 替换: the composer opens with the rejected post's text, saying it will be deleted once the fix is published.
  await weapp.tap('修改后重发')
  expect(weapp.current().route).toBe('packages/community/compose/index')
  await weapp.waitForText('正在修改未通过的笔记，新笔记发布后它会被删除')
  expect(draftText()).toBe(reworked.text)

  await weapp.type(0, '在家兼职，日结三百')
  await weapp.tap('发布')
  await weapp.waitForText('笔记已发布，大家都能看到了')
  // The reworked post is deleted once the server took the fix; the other rejected ones stay.
  for (let tries = 0; (await rejectedOf()).some((post) => post.id === reworked.id) && tries < 50; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
  expect((await rejectedOf()).map((post) => post.id)).toEqual(others.map((post) => post.id))
  expectHealthy(weapp)
})

const addDays = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
/** The first Monday after a day: a challenge week that has not started yet. */
const mondayAfter = (isoDay: string): string =>
  addDays(isoDay, (8 - new Date(`${isoDay}T00:00:00Z`).getUTCDay()) % 7 || 7)

test('join on Monday, check in every day, then open the certificate the server verifies', async () => {
  const { token } = await server.persona('new-member')
  const { now } = await server.get<{ now: string }>('/__mock/clock')
  const monday = mondayAfter(now.slice(0, 10))
  await server.post('/__mock/clock', { set: `${monday}T09:00:00+08:00` })

  weapp = await launch({ token, entry: 'packages/community/challenge/index' })
  await weapp.waitForText('0 人已参加')
  await weapp.tap('参加挑战')
  await weapp.waitForText('1 人已参加')
  await weapp.waitForText('已打卡 0/7 天')

  // 去签到 goes to the home tab; Monday's check-in there.
  await weapp.tap('去签到')
  expect(weapp.current().route).toBe('pages/home/index')
  await weapp.tap(/^签到 \+\d+ 积分$/)
  await weapp.waitForText('今日已签到')
  for (let day = 1; day < 7; day += 1) {
    await server.post('/__mock/clock', { set: `${addDays(monday, day)}T09:00:00+08:00` })
    await server.post('/checkin', {}, token)
  }
  weapp.close()

  weapp = await launch({ token, entry: 'packages/community/challenge/index' })
  await weapp.waitForText('挑战完成！')
  await weapp.waitForText('已打卡 7/7 天')
  await weapp.tap('查看证书')
  expect(weapp.current().route).toBe('packages/community/certificate/index')
  const code = decodeURIComponent(weapp.current().query.code ?? '')
  expect(code).toMatch(/^FLC-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  await weapp.waitForText('✓ 证书有效，已通过验证')
  await weapp.waitForText(code)
  await weapp.waitForText('自律达人')
  expectHealthy(weapp)
  weapp.close()

  // 我的 -> 我的证书 lists it.
  weapp = await launch({ token, entry: 'pages/me/index' })
  await weapp.tap('我的证书')
  expect(weapp.current().route).toBe('packages/community/certificates/index')
  await weapp.waitForText(code)
  expectHealthy(weapp)
})
