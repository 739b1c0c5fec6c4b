import { screen, waitFor } from '@testing-library/react'
import { DistributionEntries } from '@/features/distribution/components/distribution-entries'
import { KolCenter } from '@/features/distribution/components/kol-center'
import { ReferralCard } from '@/features/distribution/components/referral-card'
import { RightsCard } from '@/features/distribution/components/rights-card'
import CommissionsPage from '@/packages/distribution/commissions/index'
import FansPage from '@/packages/distribution/fans/index'
import WithdrawalsPage from '@/packages/distribution/withdrawals/index'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// A former distributor (the H5 plan that carried the right refunded) on 我的 and the money pages: an entry to their
// commission instead of the card, the commission and withdrawal pages working with a line saying the right ended.

type Api = ReturnType<typeof installInProcessApi>

const LONG = { timeout: 8000 }

const planRouteOpen = () =>
  installInProcessApi({
    config: (config) => ({
      ...config,
      distribution: { ...config.distribution, routes: { ...config.distribution.routes, plan: true } },
    }),
  })

const signUp = async (api: Api, phone: string, ref?: string): Promise<string> =>
  (await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456', ref } })).json.token as string

/** A KOL by the plan, a fan's order (1,990 fen commission), the plan refunded, the commission settled. */
async function formerKol(api: Api): Promise<string> {
  const token = await signUp(api, '13955550001')
  const bought = await api.call('POST', '/memberships/purchase', {
    token,
    body: { planId: 'plan-advanced-yearly', client: 'h5' },
    idempotencyKey: 'former-kol-plan',
  })
  const code = (await api.call('GET', '/distribution/status?client=h5', { token })).json.referralCode as string
  const fan = await signUp(api, '13955550002', code)
  await api.call('POST', '/orders', { token: fan, body: { productId: 'p-serum' }, idempotencyKey: 'former-kol-fan' })
  const orderId = (bought.json.order as { id: string }).id
  await api.call('POST', `/orders/${orderId}/refund`, { token, idempotencyKey: 'former-kol-refund' })
  await api.call('POST', '/__mock/clock', { body: { advanceDays: 8 } })
  const status = (await api.call('GET', '/distribution/status?client=h5', { token })).json
  expect(status).toMatchObject({ isDistributor: false, hasEarnings: true })
  useSession.getState().signedIn(token)
  return token
}

describe('a former distributor', () => {
  test('has an entry on 我的 to their commission, not the card', async () => {
    const api = planRouteOpen()
    await formerKol(api)
    renderWithApp(<DistributionEntries />)
    expect((await screen.findByTestId('entry-commissions', {}, LONG)).textContent).toContain('我的佣金')
    expect(screen.queryByTestId('entry-referral-card')).toBeNull()
  })

  test('sees their commission with a line saying the right has ended', async () => {
    const api = planRouteOpen()
    await formerKol(api)
    renderWithApp(<CommissionsPage />)
    expect((await screen.findByTestId('commission-amount', {}, LONG)).textContent).toBe('+¥19.90')
    expect((await screen.findByTestId('kol-right-ended', {}, LONG)).textContent).toContain('推广权限已结束')
    expect(screen.getByTestId('kol-right-ended-withdrawals')).toBeTruthy()
  })

  test('withdraws the settled balance on the withdrawal page', async () => {
    const api = planRouteOpen()
    const token = await formerKol(api)
    const { container } = renderWithApp(<WithdrawalsPage />)
    expect((await screen.findByTestId('withdraw-hint', {}, LONG)).textContent).toContain('可提现 ¥19.90')
    expect((await screen.findByTestId('kol-right-ended', {}, LONG)).textContent).toContain('推广权限已结束')
    await typeInto(container, 'withdraw-amount-input', '15')
    tap(container, 'withdraw-submit')
    await waitFor(
      () => expect(screen.getAllByTestId('withdrawal-status').map((el) => el.textContent)).toEqual(['处理中']),
      LONG,
    )
    const items = (await api.call('GET', '/distribution/withdrawals', { token })).json.items
    expect(items).toMatchObject([{ amountFen: 1500, status: 'requested' }])
  })

  test('on the fans page: the right has ended, with the way to their commission (no 403 to retry)', async () => {
    const api = planRouteOpen()
    await formerKol(api)
    renderWithApp(<FansPage />)
    expect((await screen.findByTestId('kol-right-ended', {}, LONG)).textContent).toContain('推广权限已结束')
    expect(screen.getByTestId('kol-right-ended-commissions')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  test('on the card page: the right has ended, with the way to their commission (not "开通分销权益后")', async () => {
    const api = planRouteOpen()
    await formerKol(api)
    renderWithApp(<ReferralCard />)
    expect((await screen.findByTestId('kol-right-ended', {}, LONG)).textContent).toContain('推广权限已结束')
    expect(screen.getByTestId('kol-right-ended-commissions')).toBeTruthy()
    expect(screen.queryByText('还没有邀请码')).toBeNull()
  })

  test("the KOL center shows their money, not the right's tools", async () => {
    const api = planRouteOpen()
    await formerKol(api)
    renderWithApp(<KolCenter />)
    await screen.findByTestId('kol-right-ended', {}, LONG)
    expect(screen.getByTestId('kol-withdrawable').textContent).toBe('¥19.90')
    expect(screen.getByTestId('entry-kol-withdrawals')).toBeTruthy()
    for (const gone of ['kol-referral-code', 'entry-kol-card', 'entry-kol-products', 'entry-kol-fans'])
      expect(screen.queryByTestId(gone)).toBeNull()
  })
})

describe('DistributionEntries', () => {
  test('a distributor has the card entry', async () => {
    const api = installInProcessApi()
    const kol = await api.signInPersona('kol-distributor')
    useSession.getState().signedIn(kol.token)
    const { unmount } = renderWithApp(<DistributionEntries />)
    await screen.findByTestId('entry-referral-card', {}, LONG)
    expect(screen.queryByTestId('entry-commissions')).toBeNull()
    unmount()
  })

  test('a member who never distributed has none', async () => {
    const api = installInProcessApi()
    const member = await api.signInPersona('new-member')
    useSession.getState().signedIn(member.token)
    renderWithApp(
      <>
        <DistributionEntries />
        <RightsCard />
      </>,
    )
    // The rights status has arrived (the card offers the ways to the right): still no entry.
    await screen.findByTestId('rights-invite-input', {}, LONG)
    expect(screen.queryByTestId('entry-referral-card')).toBeNull()
    expect(screen.queryByTestId('entry-commissions')).toBeNull()
  })
})
