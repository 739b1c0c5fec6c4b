// Regression for the weapp-only bug of issue #8: open the 积分商城 tab signed out, sign in from its
// "登录查看积分" prompt, come back. On Taro 4.2.1 the prompt Text lost its click handler in a props
// update, TaroElement.removeEventListener threw (`reading '_num'`, NervJS/taro#19453), the commit
// died, and the kept-alive tab showed no gifts and its category chips sent no request.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

test('the mall tab keeps working after signing in from its balance prompt', async () => {
  const gifts = await server.get<{ items: Array<{ name: string; category: string }> }>('/gifts')
  const categories = await server.get<{ items: Array<{ id: string; name: string }> }>('/gift-categories')
  const firstGift = gifts.items[0]
  const category = categories.items.find((item) =>
    gifts.items.some((gift) => gift.category === item.id && gift !== firstGift),
  )
  if (!firstGift || !category) throw new Error('the seed has no gifts or categories')
  const giftInCategory = gifts.items.find((gift) => gift.category === category.id)
  const giftOutside = gifts.items.find((gift) => gift.category !== category.id)
  if (!giftInCategory || !giftOutside) throw new Error('the seed needs gifts in and outside a category')

  weapp = await launch({ entry: 'pages/mall/index' })
  await weapp.waitForText(firstGift.name)
  await weapp.tap('登录查看积分')
  expect(weapp.current().route).toBe('packages/auth/sign-in/index')

  await weapp.tap('微信一键登录')
  expect(weapp.fake.requests.some((request) => request.method === 'POST' && request.url.endsWith('/auth/wechat'))).toBe(
    true,
  )
  // Back on the same, kept-alive tab instance, now signed in.
  expect(weapp.current().route).toBe('pages/mall/index')
  expect(weapp.stack()).toHaveLength(1)
  await weapp.waitForText('我的积分')
  await weapp.waitForText(firstGift.name)

  const before = weapp.fake.requests.length
  await weapp.tap(category.name)
  const sent = weapp.fake.requests.slice(before).map((request) => request.url)
  expect(sent.some((url) => url.includes('/gifts?') && url.includes(`category=${category.id}`))).toBe(true)
  await weapp.waitForText(giftInCategory.name)
  expect(weapp.current().text()).not.toContain(giftOutside.name)
  expectHealthy(weapp)
})
