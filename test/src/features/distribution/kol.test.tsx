import { act, screen, waitFor, within } from '@testing-library/react'
import type { Arrival, DistributionOverview, Fan } from '@/contract/kol'
import { CommissionList } from '@/features/distribution/components/commission-list'
import { FanList } from '@/features/distribution/components/fan-list'
import { KolCenter } from '@/features/distribution/components/kol-center'
import { RightsCard } from '@/features/distribution/components/rights-card'
import { WithdrawalPanel, parseYuan } from '@/features/distribution/components/withdrawal-panel'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import CommissionsPage from '@/packages/distribution/commissions/index'
import FansPage from '@/packages/distribution/fans/index'
import WithdrawalsPage from '@/packages/distribution/withdrawals/index'
import { formatFen } from '@/lib/format'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
const LONG = { timeout: 8000 }
const sentWithdrawals = (api: Api) =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/distribution/withdrawals'))

async function signedIn(api: Api, persona: string): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

describe('RightsCard on 我的', () => {
  test('a wrong invite code is refused with a clear message and grants nothing', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'new-member')
    const { container } = renderWithApp(<RightsCard />)
    await screen.findByTestId('rights-invite-input', {}, LONG)
    expect(screen.getByTestId('rights-task-progress').textContent).toMatch(/连续签到 \d+\/7 天/)

    await typeInto(container, 'rights-invite-input', 'NOPE-1234')
    tap(container, 'rights-invite-submit')

    expect((await screen.findByTestId('rights-error', {}, LONG)).textContent).toBe(
      '邀请码不存在、已过期或已用完，请核对后再试',
    )
    const status = await api.call('GET', '/distribution/status', { token })
    expect(status.json.isDistributor).toBe(false)
  })

  test("an operator's invite code grants the right; the card then leads to the KOL center", async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'new-member')
    const { container } = renderWithApp(<RightsCard />)
    await typeInto(container, 'rights-invite-input', 'fankol2026')
    tap(container, 'rights-invite-submit')

    await screen.findByTestId('rights-open-center', {}, LONG)
    expect(screen.queryByTestId('rights-invite-input')).toBeNull()
    const status = await api.call('GET', '/distribution/status', { token })
    expect(status.json).toMatchObject({ isDistributor: true, grantedBy: 'invite_code' })
  })
})

describe('KOL center', () => {
  test("shows kol-distributor's commission by state, fans and KOL level as the server counts them", async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    renderWithApp(<KolCenter />)
    await screen.findByTestId('kol-center', {}, LONG)
    const overview = (await api.call('GET', '/distribution/overview', { token })).json as DistributionOverview

    expect(overview.commission.pendingFen).toBeGreaterThan(0)
    expect(overview.commission.settledFen).toBeGreaterThan(0)
    expect(screen.getByTestId('kol-pending').textContent).toBe(formatFen(overview.commission.pendingFen))
    expect(screen.getByTestId('kol-settled').textContent).toBe(formatFen(overview.commission.settledFen))
    expect(screen.getByTestId('kol-reversed').textContent).toBe(formatFen(overview.commission.reversedFen))
    expect(screen.getByTestId('kol-today').textContent).toBe(formatFen(overview.commission.todayFen))
    expect(screen.getByTestId('kol-withdrawn').textContent).toBe(formatFen(overview.commission.withdrawnFen))
    expect(screen.getByTestId('kol-fan-count').textContent).toBe(String(overview.fanCount))
    expect(screen.getByTestId('kol-level').textContent).toContain(overview.kolLevel.current?.name ?? '—')
    expect(screen.getByTestId('kol-level-progress').textContent).toBe(
      overview.kolLevel.next
        ? `再邀请 ${overview.kolLevel.fansToNext} 位粉丝升级为「${overview.kolLevel.next.name}」`
        : '已是最高等级',
    )
    expect(screen.getByTestId('kol-referral-code').textContent).toBe('推荐码 LINA88')
    // The K1 certificate, with its verification code.
    await waitFor(
      () => expect(screen.getByTestId('kol-certificates').textContent).toMatch(/验证码 FLC-[0-9A-Z]{4}-[0-9A-Z]{4}/),
      LONG,
    )
  })

  test('a member without the right is told so and sent to get it', async () => {
    const api = installInProcessApi()
    await signedIn(api, 'new-member')
    renderWithApp(<KolCenter />)
    expect((await screen.findByTestId('kol-not-distributor', {}, LONG)).textContent).toContain('你还没有分销权限')
  })
})

describe('the fans, commission and withdrawal pages for a member without the right', () => {
  test.each([
    ['fans', FansPage],
    ['commissions', CommissionsPage],
    ['withdrawals', WithdrawalsPage],
  ])(
    '%s: told they have no right and sent to get it, not "the right has ended" nor a 重试 that fails',
    async (_name, Page) => {
      const api = installInProcessApi()
      await signedIn(api, 'new-member')
      renderWithApp(<Page />)
      expect((await screen.findByTestId('kol-not-distributor', {}, LONG)).textContent).toContain('你还没有分销权限')
      expect(screen.queryByTestId('kol-right-ended')).toBeNull()
      expect(screen.queryByText('重试')).toBeNull()
    },
  )
})

describe('CommissionList', () => {
  test('a commission a refund took back reads 已扣回 with when, in words a KOL knows (not the ledger term 冲正)', async () => {
    const api = installInProcessApi()
    await signedIn(api, 'kol-distributor')
    renderWithApp(<CommissionList />)
    await waitFor(
      () => expect(screen.getAllByTestId('commission-status').map((el) => el.textContent)).toContain('已扣回'),
      LONG,
    )
    const reversed = screen
      .getAllByTestId('commission-status')
      .find((el) => el.textContent === '已扣回')
      ?.closest('[data-testid^="commission-cm"]')
    expect(reversed?.querySelector('[data-testid="commission-when"]')?.textContent).toMatch(
      /^订单已退款，佣金于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 扣回$/,
    )
    expect(screen.getByTestId('commission-tab-reversed').textContent).toBe('已扣回')
    expect(document.body.textContent).not.toContain('冲正')
  })
})

describe('WithdrawalPanel', () => {
  test('parses yuan to integer fen', () => {
    expect(parseYuan('10')).toBe(1000)
    expect(parseYuan('10.5')).toBe(1050)
    expect(parseYuan('0.07')).toBe(7)
    expect(parseYuan('1.234')).toBeNull()
    expect(parseYuan('-1')).toBeNull()
  })

  test('全部提现 with nothing settled yet says it is below the minimum, not that the amount is malformed', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'new-member')
    await api.call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })
    const { container } = renderWithApp(<WithdrawalPanel />)
    expect((await screen.findByTestId('withdraw-hint', {}, LONG)).textContent).toContain('可提现 ¥0.00')
    tap(container, 'withdraw-all')
    await waitFor(() =>
      expect(
        (
          container.querySelector(
            '[data-testid="withdraw-amount-input"] input, input[data-testid="withdraw-amount-input"]',
          ) as HTMLInputElement | null
        )?.value,
      ).toBe('0.00'),
    )
    tap(container, 'withdraw-submit')
    expect((await screen.findByTestId('withdraw-error', {}, LONG)).textContent).toBe('低于最低提现金额 ¥10.00')
    expect(sentWithdrawals(api)).toEqual([])
  })

  test("the server's refusal below ¥10 is shown and nothing is requested", async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    const before = (await api.call('GET', '/distribution/withdrawals', { token })).json.items as unknown[]
    const { container } = renderWithApp(<WithdrawalPanel />)
    expect((await screen.findByTestId('withdraw-hint', {}, LONG)).textContent).toContain('最低提现 ¥10.00')
    // The seeded paid withdrawal is in the history.
    await waitFor(
      () => expect(screen.getAllByTestId('withdrawal-status').map((el) => el.textContent)).toContain('已打款'),
      LONG,
    )

    await typeInto(container, 'withdraw-amount-input', '9.99')
    tap(container, 'withdraw-submit')

    expect((await screen.findByTestId('withdraw-error', {}, LONG)).textContent).toBe('低于最低提现金额 ¥10.00')
    const after = (await api.call('GET', '/distribution/withdrawals', { token })).json.items as unknown[]
    expect(after).toHaveLength(before.length)
  })
})

describe('WithdrawalPanel: refusals say the figures', () => {
  test('全部提现 with everything already asked for says a request is in progress, not "below the minimum"', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    const overview = (await api.call('GET', '/distribution/overview', { token })).json as {
      commission: { withdrawableFen: number }
    }
    expect(overview.commission.withdrawableFen).toBeGreaterThanOrEqual(1000)
    const requested = await api.call('POST', '/distribution/withdrawals', {
      token,
      body: { amountFen: overview.commission.withdrawableFen },
      idempotencyKey: 'all-of-it',
    })
    expect(requested.status).toBe(201)
    const { container } = renderWithApp(<WithdrawalPanel />)
    expect((await screen.findByTestId('withdraw-hint', {}, LONG)).textContent).toContain('可提现 ¥0.00')
    tap(container, 'withdraw-all')
    tap(container, 'withdraw-submit')
    expect((await screen.findByTestId('withdraw-error', {}, LONG)).textContent).toBe(
      '已有一笔提现在处理中，请等它完成后再申请',
    )
    expect(sentWithdrawals(api)).toEqual([])
  })

  test('more than can be withdrawn names what can, as the server answered it', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    const overview = (await api.call('GET', '/distribution/overview', { token })).json as {
      commission: { withdrawableFen: number }
    }
    const { container } = renderWithApp(<WithdrawalPanel />)
    await screen.findByTestId('withdraw-hint', {}, LONG)
    await typeInto(container, 'withdraw-amount-input', '999999')
    tap(container, 'withdraw-submit')
    const available = `¥${(overview.commission.withdrawableFen / 100).toFixed(2)}`
    expect((await screen.findByTestId('withdraw-error', {}, LONG)).textContent).toBe(
      `超过可提现的已结算佣金 ${available}`,
    )
  })
})

describe('WithdrawalPanel: an answer that never came', () => {
  afterEach(() => jest.useRealTimers())

  test('says the result is not known yet, keeps the key for the same amount: asked again, one withdrawal', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    const before = (await api.call('GET', '/distribution/withdrawals', { token })).json.items as unknown[]
    const { container } = renderWithApp(<WithdrawalPanel />)
    await screen.findByTestId('withdraw-hint', {}, LONG)
    await typeInto(container, 'withdraw-amount-input', '10')
    api.fail('POST', '/distribution/withdrawals', { kind: 'lost-answer' })
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    tap(container, 'withdraw-submit')
    await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
    jest.useRealTimers()
    expect((await screen.findByTestId('withdraw-error', {}, LONG)).textContent).toContain('提现结果还不确定')

    tap(container, 'withdraw-submit')
    await waitFor(() => expect(sentWithdrawals(api)).toHaveLength(2), LONG)
    const [first, second] = sentWithdrawals(api)
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'))
    await waitFor(async () => {
      const after = (await api.call('GET', '/distribution/withdrawals', { token })).json.items as unknown[]
      expect(after).toHaveLength(before.length + 1)
    }, LONG)
  })
})

describe('FanList', () => {
  test('lists each fan with its source and the arrivals that did not bind with the reason', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api, 'kol-distributor')
    renderWithApp(<FanList />)
    const fans = (await api.call('GET', '/distribution/fans?limit=20', { token })).json.items as Fan[]
    const arrivals = (await api.call('GET', '/distribution/arrivals?limit=20', { token })).json.items as Arrival[]
    expect(new Set(fans.map((fan) => fan.source)).size).toBeGreaterThan(1)
    expect(arrivals.length).toBeGreaterThan(0)

    const SOURCES: Record<string, string> = {
      card: '名片',
      link: '链接',
      post: '笔记',
      code: '推荐码',
      scene: '小程序码',
    }
    const REASONS: Record<string, string> = {
      already_bound: '已绑定其他推荐人',
      own_code: '本人的推荐码',
      cycle: '对方是你的上级（不能互相绑定）',
      window_over: '已绑定其他推荐人（保护期已过，不会改绑）',
    }
    for (const fan of fans) {
      const row = await screen.findByTestId(`fan-${fan.member.id}`, {}, LONG)
      expect(within(row).getByTestId('fan-source').textContent).toBe(SOURCES[fan.source])
      expect(row.textContent).toContain(fan.member.nickname)
    }
    for (const arrival of arrivals) {
      const row = await screen.findByTestId(`arrival-${arrival.id}`, {}, LONG)
      expect(within(row).getByTestId('arrival-reason').textContent).toBe(REASONS[arrival.reason])
    }
  })
})

describe('FanList: a member bound to another KOL whose protection ended', () => {
  test('reads as bound to someone else (no re-binding), not as a window of mine that ran out', async () => {
    const api = installInProcessApi()
    const signUp = async (phone: string, ref?: string) =>
      (await api.call('POST', '/auth/phone', { body: { phone, smsCode: '123456', ref } })).json.token as string
    const kolCode = async (token: string) => {
      await api.call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })
      return (await api.call('GET', '/distribution/overview', { token })).json.referralCode as string
    }
    const first = await kolCode(await signUp('13966660001'))
    const second = await signUp('13966660002')
    const secondCode = await kolCode(second)
    const fan = await signUp('13966660003', first)
    await api.call('POST', '/__mock/clock', { body: { advanceDays: 31 } })
    await api.call('POST', '/distribution/arrivals', {
      token: fan,
      body: { code: secondCode, source: 'link' },
      idempotencyKey: 'fan-list-window-over',
    })
    useSession.getState().signedIn(second)
    renderWithApp(<FanList />)
    expect((await screen.findByTestId('arrival-reason', {}, LONG)).textContent).toBe(
      '已绑定其他推荐人（保护期已过，不会改绑）',
    )
  })
})
