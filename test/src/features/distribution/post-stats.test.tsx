import Taro from '@tarojs/taro'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { FanList } from '@/features/distribution/components/fan-list'
import { KolCenter } from '@/features/distribution/components/kol-center'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { renderWithApp } from '../../../support/render-app'

// 笔记带来的粉丝 in the KOL center: which 分享赚 post brings fans (and arrivals, orders, commission), most fans or newest
// first, each opening its post and 我的粉丝 filtered by it; there, the arrivals that did not bind name their post too.

const LONG = { timeout: 8000 }

let navigateTo: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => navigateTo.mockRestore())

/** Lina with two fresh 分享赚 posts: two fans through the first, one through the second, and an unbound arrival. */
const setUp = async () => {
  const api = installInProcessApi()
  const { token } = await api.signInPersona('kol-distributor')
  const code = (await api.call('GET', '/distribution/overview', { token })).json.referralCode as string
  const publish = async (text: string, key: string) =>
    (await api.call('POST', '/posts', { token, body: { text, productId: 'p-serum' }, idempotencyKey: key })).json
      .id as string
  const popular = await publish('油皮夏天的精华，回购第三瓶', 'post-stats-popular')
  const newer = await publish('新写的防晒笔记', 'post-stats-newer')
  const signUpFrom = async (phone: string, postId: string) =>
    (
      await api.call('POST', '/auth/phone', {
        body: { phone, smsCode: '123456', ref: code, refSource: 'post', refPostId: postId },
      })
    ).json as { token: string; member: { id: string } }
  const popularFan = await signUpFrom('13966660001', popular)
  await signUpFrom('13966660002', popular)
  await signUpFrom('13966660003', newer)
  // A member already bound to another KOL arrives through the popular post and does not bind.
  const rival = (await api.call('POST', '/auth/phone', { body: { phone: '13966660009', smsCode: '123456' } })).json as {
    token: string
  }
  await api.call('POST', '/distribution/apply', {
    token: rival.token,
    body: { route: 'invite_code', code: 'FANKOL2026' },
  })
  const rivalCode = (await api.call('GET', '/distribution/overview', { token: rival.token })).json
    .referralCode as string
  const taken = (
    await api.call('POST', '/auth/phone', { body: { phone: '13966660004', smsCode: '123456', ref: rivalCode } })
  ).json as { token: string }
  await api.call('POST', '/distribution/arrivals', {
    token: taken.token,
    body: { code, source: 'post', postId: popular },
    idempotencyKey: 'post-stats-arrival',
  })
  // Two orders through the popular post: its own fan's pays Lina, the rival's fan's pays the rival (first touch).
  for (const [buyer, key] of [
    [popularFan.token, 'post-stats-order-fan'],
    [taken.token, 'post-stats-order-taken'],
  ] as const)
    await api.call('POST', '/orders', {
      token: buyer,
      body: { productId: 'p-serum', ref: code, postId: popular },
      idempotencyKey: key,
    })
  useSession.getState().signedIn(token)
  return { popular, newer }
}

test('the KOL center lists posts by the fans they brought, opens each post and its fans, and sorts by newest', async () => {
  const { popular, newer } = await setUp()
  renderWithApp(<KolCenter />)

  const section = await screen.findByTestId('post-stats', {}, LONG)
  const popularRow = await within(section).findByTestId(`post-stats-${popular}`, {}, LONG)
  const newerRow = within(section).getByTestId(`post-stats-${newer}`)
  expect(within(popularRow).getByTestId('post-stats-fans').textContent).toBe('2 位粉丝')
  expect(within(popularRow).getByTestId('post-stats-line').textContent).toBe('未绑定 1 · 订单 2 · 佣金 ¥19.90')
  // 订单 2 beside one order's commission: the row says where the other one's went.
  expect(within(popularRow).getByTestId('post-stats-orders-split').textContent).toBe(
    '其中 1 单的佣金归你；1 单的买家已先绑定其他推广员，佣金归对方',
  )
  expect(within(newerRow).getByTestId('post-stats-fans').textContent).toBe('1 位粉丝')
  expect(within(newerRow).queryByTestId('post-stats-orders-split')).toBeNull()
  const order = () =>
    within(section)
      .getAllByTestId(/^post-stats-(?!sort|fans|line|title|open)/)
      .map((row) => row.getAttribute('data-testid'))
  // The test's two posts among the seed's (Lina's first post brought the demo's 笔记 fans).
  const ours = () => order().filter((id) => id === `post-stats-${popular}` || id === `post-stats-${newer}`)
  // Most fans first: the two-fan post before the one-fan post, and no post after one that brought fewer.
  expect(ours()).toEqual([`post-stats-${popular}`, `post-stats-${newer}`])
  const fanCounts = within(section)
    .getAllByTestId('post-stats-fans')
    .map((count) => Number.parseInt(count.textContent ?? '', 10))
  expect(fanCounts).toEqual([...fanCounts].sort((a, b) => b - a))

  fireEvent.click(within(popularRow).getByTestId('post-stats-title'))
  expect(navigateTo).toHaveBeenLastCalledWith({
    url: `/packages/community/post/index?id=${encodeURIComponent(popular)}`,
  })
  fireEvent.click(within(popularRow).getByTestId('post-stats-open-fans'))
  expect(navigateTo).toHaveBeenLastCalledWith({
    url: `/packages/distribution/fans/index?postId=${encodeURIComponent(popular)}`,
  })

  fireEvent.click(within(section).getByTestId('post-stats-sort-newest'))
  await waitFor(() => expect(ours()).toEqual([`post-stats-${newer}`, `post-stats-${popular}`]), LONG)
})

test('我的粉丝 for one post: only its fans and arrivals, each naming it, and 看全部粉丝 lifts the filter', async () => {
  const { popular } = await setUp()
  const onShowAll = jest.fn()
  renderWithApp(<FanList postId={popular} onShowAll={onShowAll} />)

  const head = await screen.findByTestId('fans-post-filter', {}, LONG)
  await waitFor(
    () => expect(within(head).getByTestId('fan-post').textContent).toBe('来自笔记油皮夏天的精华，回购第三瓶'),
    LONG,
  )
  const list = screen.getByTestId('fan-list')
  await waitFor(() => expect(list.querySelectorAll('[data-testid^="fan-m"]')).toHaveLength(2), LONG)
  for (const row of Array.from(list.querySelectorAll('[data-testid^="fan-m"]')))
    expect(within(row as HTMLElement).getByTestId('fan-post').textContent).toBe('来自笔记油皮夏天的精华，回购第三瓶')

  const arrivalRows = within(screen.getByTestId('arrival-list')).getAllByTestId(/^arrival-(?!reason|list)/)
  expect(arrivalRows).toHaveLength(1)
  const arrivalRow = arrivalRows[0] as HTMLElement
  expect(within(arrivalRow).getByTestId('arrival-reason').textContent).toBe('已绑定其他推荐人')
  const arrivalPost = within(arrivalRow).getByTestId('fan-post')
  expect(arrivalPost.textContent).toBe('来自笔记油皮夏天的精华，回购第三瓶')
  fireEvent.click(arrivalPost)
  expect(navigateTo).toHaveBeenLastCalledWith({
    url: `/packages/community/post/index?id=${encodeURIComponent(popular)}`,
  })

  fireEvent.click(within(head).getByTestId('fans-show-all'))
  expect(onShowAll).toHaveBeenCalledTimes(1)
})

test('with two commission levels, a post’s row says which of its orders paid only the level-2 commission', async () => {
  const api = installInProcessApi({
    config: (config) => ({ ...config, distribution: { ...config.distribution, commissionLevels: 2 } }),
  })
  const { token } = await api.signInPersona('kol-distributor')
  const code = (await api.call('GET', '/distribution/overview', { token })).json.referralCode as string
  const post = (
    await api.call('POST', '/posts', {
      token,
      body: { text: '精华分享，二级佣金', productId: 'p-serum' },
      idempotencyKey: 'post-stats-two-levels',
    })
  ).json.id as string
  // Lina brings in a KOL; that KOL's fan buys through Lina's post: the fan's KOL earns level 1, Lina level 2.
  const downline = (
    await api.call('POST', '/auth/phone', { body: { phone: '13966660021', smsCode: '123456', ref: code } })
  ).json as { token: string }
  const downlineCode = (
    await api.call('POST', '/distribution/apply', {
      token: downline.token,
      body: { route: 'invite_code', code: 'FANKOL2026' },
    })
  ).json.referralCode as string
  const fan = (
    await api.call('POST', '/auth/phone', { body: { phone: '13966660022', smsCode: '123456', ref: downlineCode } })
  ).json as { token: string }
  await api.call('POST', '/orders', {
    token: fan.token,
    body: { productId: 'p-serum', ref: code, postId: post },
    idempotencyKey: 'post-stats-two-levels-order',
  })
  useSession.getState().signedIn(token)
  renderWithApp(<KolCenter />)

  const row = await within(await screen.findByTestId('post-stats', {}, LONG)).findByTestId(
    `post-stats-${post}`,
    {},
    LONG,
  )
  expect(within(row).getByTestId('post-stats-line').textContent).toBe('未绑定 1 · 订单 1 · 佣金 ¥5.97')
  // The fan, bound to the downline KOL, counts as an arrival that did not bind. Every order paid Lina, yet ¥5.97, not the ¥19.90 the serum promises: the row says why.
  expect(within(row).getByTestId('post-stats-orders-split').textContent).toBe(
    '其中 1 单的佣金归你，1 单的买家是你下级推广员的粉丝，你得二级佣金',
  )
})
