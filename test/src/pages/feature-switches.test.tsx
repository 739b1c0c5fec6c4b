import { screen, waitFor } from '@testing-library/react'
import type { AppConfig } from '@/contract'
import CommunityPage from '@/pages/community/index'
import HomePage from '@/pages/home/index'
import MallPage from '@/pages/mall/index'
import MePage from '@/pages/me/index'
import PlansPage from '@/packages/membership/plans/index'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../support/in-process-api'
import { renderWithApp } from '../../support/render-app'
import { setRouterPath } from '../../support/taro-shim'

type Features = AppConfig['features']
const ALL_ON: Features = {
  community: true,
  mall: true,
  distribution: true,
  membershipPackages: true,
  shareRewards: false,
}

const withFeatures = (off: Partial<Features>) =>
  installInProcessApi({ config: (config) => ({ ...config, features: { ...ALL_ON, ...off } }) })

const CLOSED = '暂未开放'
// Each test seeds a server of its own (two in the mall's): on a loaded 2-core machine the first answer can take
// seconds, so waits for it are long; the assertions after it are not.
const FIRST_ANSWER = { timeout: 15_000 }
jest.setTimeout(40_000)

afterEach(() => {
  setRouterPath('')
  useSession.getState().signedOut()
})

describe('a part switched off in the config', () => {
  test('its tab page says it is closed, calmly, with no error', async () => {
    withFeatures({ community: false })
    setRouterPath('/pages/community/index')
    renderWithApp(<CommunityPage />)
    const closed = await screen.findByTestId('empty-state', {}, FIRST_ANSWER)
    expect(closed.textContent).toBe(CLOSED)
    await waitFor(() => expect(screen.queryByTestId('section-recommend')).toBeNull())
    expect(screen.queryByTestId('error-state')).toBeNull()
  })

  test('the mall tab too; with the mall on it shows its gifts', async () => {
    withFeatures({ mall: false })
    setRouterPath('/pages/mall/index')
    const closed = renderWithApp(<MallPage />)
    expect((await screen.findByTestId('empty-state', {}, FIRST_ANSWER)).textContent).toBe(CLOSED)
    expect(screen.queryByTestId('mall-balance')).toBeNull()
    closed.unmount()
    withFeatures({})
    renderWithApp(<MallPage />)
    await screen.findByTestId('mall-balance', {}, FIRST_ANSWER)
    await waitFor(() => expect(screen.queryByTestId('empty-state')).toBeNull())
  })

  test('a link to one of its subpackage pages shows the same closed state, not an error', async () => {
    withFeatures({ membershipPackages: false })
    setRouterPath('/packages/membership/plans/index')
    renderWithApp(<PlansPage />)
    expect((await screen.findByTestId('empty-state', {}, FIRST_ANSWER)).textContent).toBe(CLOSED)
    expect(screen.queryByTestId('error-state')).toBeNull()
  })

  test('首页 drops the hot gifts and the featured posts of the parts switched off', async () => {
    withFeatures({ mall: false, community: false })
    setRouterPath('/pages/home/index')
    renderWithApp(<HomePage />)
    await waitFor(() => expect(screen.getByTestId('brand-name').textContent).not.toBe(' '), FIRST_ANSWER)
    expect(document.body.textContent).not.toContain('热门好礼')
    expect(document.body.textContent).not.toContain('社区精选')
    expect(screen.queryByTestId('empty-state')).toBeNull()
  })

  test('我的 drops the plans, redemptions, posts and KOL entries of the parts switched off', async () => {
    const api = withFeatures({ mall: false, community: false, distribution: false, membershipPackages: false })
    const { token } = await api.signInPersona('kol-distributor')
    useSession.getState().signedIn(token)
    setRouterPath('/pages/me/index')
    renderWithApp(<MePage />)
    await screen.findByTestId('entry-addresses')
    await screen.findByTestId('entry-coupons')
    expect(screen.queryByTestId('entry-redemptions')).toBeNull()
    expect(screen.queryByTestId('entry-my-posts')).toBeNull()
    expect(screen.queryByTestId('member-plan')).toBeNull()
    expect(screen.queryByTestId('entry-referral-card')).toBeNull()
  })

  test('我的 offers all of them while every part is on', async () => {
    const api = withFeatures({})
    const { token } = await api.signInPersona('kol-distributor')
    useSession.getState().signedIn(token)
    setRouterPath('/pages/me/index')
    renderWithApp(<MePage />)
    await screen.findByTestId('entry-referral-card')
    for (const id of ['entry-redemptions', 'entry-my-posts', 'member-plan']) expect(screen.getByTestId(id)).toBeTruthy()
  })
})
