// The referral card and sharing in the built mini-program: the share payloads WeChat asks the pages
// for carry the member's code, a mini-program code's scene binds the new member with its source,
// and a page opened from Moments shows its content with the way into the full app, no sign-in.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename, { resetEachTest: true })
let weapp: Weapp | undefined

type ShareHandlers = {
  onShareAppMessage?: (event: { from: string }) => { title?: string; path?: string }
  onShareTimeline?: () => { title?: string; query?: string }
}

const shareHandlers = (instance: Record<string, unknown>) => instance as unknown as ShareHandlers

test("the card page opens for a KOL and both of its shares carry the KOL's code", async () => {
  const { token } = await server.persona('kol-distributor')
  const card = await server.get<{ referralCode: string; sharePath: string }>('/distribution/card', token)
  weapp = await launch({ token, entry: 'packages/distribution/card/index' })
  await weapp.waitForText(card.referralCode)
  await weapp.waitForText('保存到相册')
  await weapp.waitForText('分享给好友')

  const page = shareHandlers(weapp.current().component.instance)
  // Marked as the card's (src=card, as its QR link is): a friend who comes through it is a fan from 名片, not 链接.
  expect(card.sharePath).toBe(`/pages/home/index?ref=${card.referralCode}`)
  expect(page.onShareAppMessage?.({ from: 'button' })?.path).toBe(`/pages/home/index?src=card&ref=${card.referralCode}`)
  expect(page.onShareTimeline?.()?.query).toBe(`src=card&ref=${card.referralCode}`)
  // Sharing pays nothing: asking for the payloads sent nothing to the server.
  expect(weapp.fake.requests.filter((request) => request.method !== 'GET')).toEqual([])
})

test('home and a gift page share with the code too', async () => {
  const { token } = await server.persona('kol-distributor')
  const { referralCode } = await server.get<{ referralCode: string }>('/me', token)
  weapp = await launch({ token })
  await weapp.settle()
  const home = shareHandlers(weapp.current().component.instance)
  expect(home.onShareAppMessage?.({ from: 'menu' })?.path).toBe(`/pages/home/index?ref=${referralCode}`)
  expect(home.onShareTimeline?.()?.query).toBe(`ref=${referralCode}`)

  await weapp.open('packages/mall/gift/index?id=gift-tote')
  await weapp.settle()
  const gift = shareHandlers(weapp.current().component.instance)
  expect(gift.onShareAppMessage?.({ from: 'menu' })?.path).toBe(
    `/packages/mall/gift/index?id=gift-tote&ref=${referralCode}`,
  )
  expect(gift.onShareTimeline?.()?.query).toBe(`id=gift-tote&ref=${referralCode}`)
  expectHealthy(weapp)
})

test('opened from a mini-program code (scene r=CODE), a new member signing in is bound with the source scene', async () => {
  const kol = await server.persona('kol-distributor')
  const { referralCode } = await server.get<{ referralCode: string }>('/me', kol.token)
  weapp = await launch({ entry: `pages/home/index?scene=${encodeURIComponent(`r=${referralCode}`)}` })
  await weapp.waitForText('登录后签到领积分、兑换好礼')
  await weapp.tap(/^登录$/)
  await weapp.tap('微信一键登录')
  const signIn = weapp.fake.requests.find((request) => request.url.endsWith('/auth/wechat'))
  expect(signIn?.data).toMatchObject({ ref: referralCode, refSource: 'scene' })

  const session = JSON.parse(String(weapp.fake.storage.get('fanloop.session'))) as { state: { token: string } }
  const me = await server.get<{ id: string }>('/me', session.state.token)
  const fans = await server.get<{ items: Array<{ member: { id: string }; source: string }> }>(
    '/distribution/fans',
    kol.token,
  )
  expect(fans.items.find((fan) => fan.member.id === me.id)?.source).toBe('scene')
  expectHealthy(weapp)
})

test('opened from Moments (single-page mode) home shows its content and the way into the full app, never a sign-in', async () => {
  weapp = await launch({ scene: 1154 })
  const home = await weapp.waitForText('前往小程序')
  await weapp.settle()
  expect(home.text()).toContain('热门好礼')
  // No 登录 button (H5's data-testid is not kept on the mini-program, so look for its words).
  const shown = weapp
  expect(() => shown.find(/^登录$/)).toThrow(/no element shows/)
  expect(weapp.fake.navigations.filter((navigation) => navigation.url.includes('sign-in'))).toEqual([])
  expectHealthy(weapp)
})
