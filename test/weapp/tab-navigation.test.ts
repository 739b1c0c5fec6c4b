// The main taps of each tab on the built mini-program: the WXML binding reaches the handler and the
// handler asks WeChat for the right page (recorded by the fake wx, then opened by the harness).
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined
let token: string
let firstGift: { id: string; name: string }

beforeAll(async () => {
  token = (await server.persona('kol-distributor')).token
  const gifts = (await server.get<{ items: Array<{ id: string; name: string }> }>('/gifts')).items
  if (!gifts[0]) throw new Error('the seed has no gifts')
  firstGift = gifts[0]
})

/** Taps `text` on `entry` and expects one navigation of `kind` to `url`, then that page in front. */
async function expectTapOpens(entry: string, text: string | RegExp, kind: string, url: string, isSignedIn = true) {
  weapp = await launch({ entry, token: isSignedIn ? token : undefined })
  await weapp.tap(text)
  expect(weapp.fake.navigations).toEqual([{ kind, url, delta: undefined }])
  expect(weapp.current().route).toBe(url.replace(/^\//, '').split('?')[0])
  expectHealthy(weapp)
}

describe('首页', () => {
  test('a gift opens its page', () =>
    expectTapOpens('pages/home/index', firstGift.name, 'navigateTo', `/packages/mall/gift/index?id=${firstGift.id}`))
  test('签到日历 opens the calendar', () =>
    expectTapOpens('pages/home/index', '签到日历 ›', 'navigateTo', '/packages/membership/checkin-calendar/index'))
  test('a visitor’s 登录 opens sign-in with the way back', () =>
    expectTapOpens(
      'pages/home/index',
      /^登录$/,
      'navigateTo',
      `/packages/auth/sign-in/index?returnTo=${encodeURIComponent('/pages/home/index')}`,
      false,
    ))
})

describe('社区', () => {
  test('a section tab loads that section', async () => {
    weapp = await launch({ entry: 'pages/community/index' })
    const hot = (await server.get<{ items: Array<{ text: string }> }>('/posts?section=hot')).items[0]
    if (!hot) throw new Error('the seed has no hot posts')
    const before = weapp.fake.requests.length
    await weapp.tap('爆款精选')
    expect(
      weapp.fake.requests
        .slice(before)
        .some((request) => request.url.includes('/posts?') && request.url.includes('section=hot')),
    ).toBe(true)
    await weapp.waitForText(hot.text.slice(0, 12))
    expect(weapp.fake.navigations).toEqual([])
    expectHealthy(weapp)
  })
})

describe('积分商城', () => {
  test('a gift opens its page', () =>
    expectTapOpens('pages/mall/index', firstGift.name, 'navigateTo', `/packages/mall/gift/index?id=${firstGift.id}`))
  test('a visitor’s 登录查看积分 opens sign-in with the way back', () =>
    expectTapOpens(
      'pages/mall/index',
      '登录查看积分',
      'navigateTo',
      `/packages/auth/sign-in/index?returnTo=${encodeURIComponent('/pages/mall/index')}`,
      false,
    ))
})

describe('我的', () => {
  test.each([
    ['积分明细', '/packages/membership/points/index'],
    ['签到日历', '/packages/membership/checkin-calendar/index'],
    ['会员等级', '/packages/membership/levels/index'],
    ['任务中心', '/packages/membership/tasks/index'],
    ['我的兑换', '/packages/mall/redemptions/index'],
    ['收货地址', '/packages/mall/addresses/index'],
    ['编辑资料', '/packages/membership/profile/index'],
  ])('%s opens %s', (text, url) => expectTapOpens('pages/me/index', text, 'navigateTo', url))

  test('退出登录 signs out in place', async () => {
    weapp = await launch({ entry: 'pages/me/index', token })
    await weapp.tap('退出登录')
    await weapp.waitForText('登录后签到领积分、兑换好礼')
    expect(weapp.current().route).toBe('pages/me/index')
    expect(
      weapp.fake.requests.some((request) => request.method === 'POST' && request.url.endsWith('/auth/logout')),
    ).toBe(true)
    expectHealthy(weapp)
  })
})
