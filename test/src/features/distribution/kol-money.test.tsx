import { screen, waitFor, within } from '@testing-library/react'
import type { Commission, DistributionOverview } from '@/contract/kol'
import { CommissionList } from '@/features/distribution/components/commission-list'
import { KolCenter } from '@/features/distribution/components/kol-center'
import { WithdrawalPanel } from '@/features/distribution/components/withdrawal-panel'
import { formatFen } from '@/lib/format'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// A KOL following their money: where the settled money is, why a withdrawal cannot go before they try, that a
// rejected request's money is back, which order each commission is, and an empty tab that says what it is empty of.

type Api = ReturnType<typeof installInProcessApi>

const LONG = { timeout: 8000 }

async function signedIn(api: Api, persona: string): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

/** A new member made a distributor: nothing earned yet. */
async function newKol(api: Api): Promise<string> {
  const token = await signedIn(api, 'new-member')
  await api.call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })
  return token
}

test('the KOL center says where the settled money is: withdrawable + withdrawing + withdrawn', async () => {
  const api = installInProcessApi()
  const token = await signedIn(api, 'kol-distributor')
  renderWithApp(<KolCenter />)
  await screen.findByTestId('kol-center', {}, LONG)
  const { commission } = (await api.call('GET', '/distribution/overview', { token })).json as DistributionOverview
  expect(commission.withdrawnFen).toBeGreaterThan(0)
  expect(screen.getByTestId('kol-settled-breakdown').textContent).toBe(
    `已结算 ${formatFen(commission.settledFen)} = 可提现 ${formatFen(commission.withdrawableFen)} + 提现中 ${formatFen(
      commission.withdrawingFen,
    )} + 已提现 ${formatFen(commission.withdrawnFen)}`,
  )
})

describe('the withdrawal panel tells why a request cannot go, before they try', () => {
  test('nothing settled: below the minimum', async () => {
    const api = installInProcessApi()
    await newKol(api)
    renderWithApp(<WithdrawalPanel />)
    expect((await screen.findByTestId('withdraw-blocker', {}, LONG)).textContent).toBe(
      '可提现的已结算佣金不足 ¥10.00，暂时不能申请提现',
    )
  })

  /** A new KOL whose fan (through the card) bought the product: its 10% is pending for 7 days. */
  async function kolWithPending(api: Api, productId: string): Promise<void> {
    const kol = await newKol(api)
    const { referralCode } = (await api.call('GET', '/distribution/card', { token: kol })).json as {
      referralCode: string
    }
    const fan = (
      await api.call('POST', '/auth/phone', {
        body: { phone: '13944440002', smsCode: '123456', ref: referralCode, refSource: 'card' },
      })
    ).json as { token: string }
    const order = await api.call('POST', '/orders', { token: fan.token, body: { productId }, idempotencyKey: 'o-p' })
    expect(order.status).toBe(201)
  }

  test('pending commission that will reach the minimum once settled: said so', async () => {
    const api = installInProcessApi()
    await kolWithPending(api, 'p-serum')
    renderWithApp(<WithdrawalPanel />)
    await waitFor(
      () =>
        expect(screen.getByTestId('withdraw-blocker').textContent).toBe(
          '可提现的已结算佣金不足 ¥10.00；待结算的 ¥19.90 结算后可提现',
        ),
      LONG,
    )
  })

  test('pending commission that would still be under the minimum promises nothing', async () => {
    const api = installInProcessApi()
    await kolWithPending(api, 'p-cleanser')
    renderWithApp(<WithdrawalPanel />)
    await waitFor(
      () =>
        expect(screen.getByTestId('withdraw-blocker').textContent).toBe(
          '可提现的已结算佣金不足 ¥10.00；待结算的 ¥8.90 结算后合计仍不足 ¥10.00，暂时不能申请提现',
        ),
      LONG,
    )
  })

  test('a request in progress: named with its amount; rejected, its amount is said to be withdrawable again', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    const requested = await api.call('POST', '/distribution/withdrawals', {
      token,
      body: { amountFen: 1000 },
      idempotencyKey: 'kol-money-request',
    })
    expect(requested.status).toBe(201)
    const { unmount } = renderWithApp(<WithdrawalPanel />)
    expect((await screen.findByTestId('withdraw-blocker', {}, LONG)).textContent).toBe(
      '你有一笔 ¥10.00 的提现正在处理，处理完成后才能再申请',
    )
    unmount()

    const id = requested.json.id as string
    expect(
      (await api.call('POST', `/__mock/withdrawals/${id}`, { body: { status: 'rejected', reason: '收款账户有误' } }))
        .status,
    ).toBe(200)
    renderWithApp(<WithdrawalPanel />)
    const row = await screen.findByTestId(`withdrawal-${id}`, {}, LONG)
    expect(within(row).getByTestId('withdrawal-status').textContent).toBe('已驳回')
    expect(within(row).getByTestId('withdrawal-decided').textContent).toMatch(
      /^已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 驳回$/,
    )
    expect(within(row).getByTestId('withdrawal-returned').textContent).toBe('¥10.00 已退回可提现，可以重新申请')
    await waitFor(() => expect(screen.queryByTestId('withdraw-blocker')).toBeNull(), LONG)
    // The seeded payout reads as paid, with when.
    await waitFor(
      () =>
        expect(screen.getAllByTestId('withdrawal-decided').map((el) => el.textContent)).toContainEqual(
          expect.stringMatching(/^已于 .+ 打款$/),
        ),
      LONG,
    )
  })
})

describe('佣金明细', () => {
  test('each row names its order', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    renderWithApp(<CommissionList />)
    const items = (await api.call('GET', '/distribution/commissions?limit=1', { token })).json.items as {
      id: string
      orderId: string
    }[]
    const [first] = items
    if (!first) throw new Error('Lina has commission')
    const row = await screen.findByTestId(`commission-${first.id}`, {}, LONG)
    expect(within(row).getByTestId('commission-order').textContent).toBe(`订单号 ${first.orderId}`)
  })

  test('a row says how its buyer came to pay: a fan through the card, as the server saw it', async () => {
    const api = installInProcessApi()
    const kol = await newKol(api)
    const { referralCode } = (await api.call('GET', '/distribution/card', { token: kol })).json as {
      referralCode: string
    }
    const fan = (
      await api.call('POST', '/auth/phone', {
        body: { phone: '13944440001', smsCode: '123456', ref: referralCode, refSource: 'card' },
      })
    ).json as { token: string }
    expect(
      (await api.call('POST', '/orders', { token: fan.token, body: { productId: 'p-serum' }, idempotencyKey: 'o-1' }))
        .status,
    ).toBe(201)
    renderWithApp(<CommissionList />)
    expect((await screen.findByTestId('commission-origin', {}, LONG)).textContent).toBe('粉丝 · 来自名片')
  })

  test('each origin reads as its own line; a row without one (a backend that does not say) shows none', async () => {
    const api = installInProcessApi()
    await newKol(api)
    const row = (id: string, level: 1 | 2, origin?: Commission['origin']): Commission => ({
      id,
      orderId: `o-${id}`,
      level,
      orderAmountFen: 19900,
      amountFen: 1990,
      status: 'pending',
      settlesAt: '2030-05-17T10:00:00+08:00',
      createdAt: '2030-05-10T10:00:00+08:00',
      reversedAt: null,
      itemName: '精华',
      buyerNickname: '小雨',
      ...(origin === undefined ? {} : { origin }),
    })
    const none = { source: null, post: null, downlineNickname: null }
    const page = {
      items: [
        row('fan-post', 1, {
          ...none,
          kind: 'fan',
          source: 'post',
          post: { id: 'p1', excerpt: '回购三次', isDeleted: false },
        }),
        row('post', 1, { ...none, kind: 'post', post: { id: 'p1', excerpt: '', isDeleted: true } }),
        row('link', 1, { ...none, kind: 'link' }),
        row('downline', 2, { ...none, kind: 'downline', downlineNickname: '阿杰' }),
        row('unknown', 1, null),
        row('absent', 1),
      ],
      nextCursor: null,
    }
    api.fail('GET', '/distribution/commissions', { kind: 'status', status: 200, body: JSON.stringify(page) })
    renderWithApp(<CommissionList />)
    const originOf = async (id: string) =>
      within(await screen.findByTestId(`commission-${id}`, {}, LONG)).queryByTestId('commission-origin')?.textContent
    expect(await originOf('fan-post')).toBe('粉丝 · 来自笔记「回购三次」')
    expect(await originOf('post')).toBe('来自笔记（已删除）')
    expect(await originOf('link')).toBe('来自推广链接')
    expect(await originOf('downline')).toBe('你的粉丝 阿杰 推广的订单')
    expect(await originOf('unknown')).toBeUndefined()
    expect(await originOf('absent')).toBeUndefined()
  })

  test('a KOL with nothing yet reads what will show there, per tab', async () => {
    const api = installInProcessApi()
    await newKol(api)
    const { container } = renderWithApp(<CommissionList />)
    expect((await screen.findByTestId('empty-state', {}, LONG)).textContent).toBe(
      '还没有佣金：粉丝通过你的分享下单后，每一笔佣金都会记在这里',
    )
    tap(container, 'commission-tab-reversed')
    await waitFor(() => expect(screen.getByTestId('empty-state').textContent).toBe('没有被扣回的佣金'), LONG)
  })
})
