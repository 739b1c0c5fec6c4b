import { screen, waitFor } from '@testing-library/react'
import LevelsPage from '@/packages/membership/levels/index'
import { useLocale } from '@/lib/i18n'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

async function signIn(api: Api, persona: string): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

const rowState = (code: string) => screen.getByTestId(`level-row-${code}`).getAttribute('data-state')

describe('LevelOverview on the level page', () => {
  test('a V2 member on 260 growth sees the badge, the growth and 740 to go to V3 资深会员', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'streak-day6')
    const server = (await api.call('GET', '/levels', { token })).json as { levelCode: string; growth: number }
    expect(server).toMatchObject({ levelCode: 'V2', growth: 260 })

    renderWithApp(<LevelsPage />)
    expect(screen.getByTestId('levels-skeleton')).toBeTruthy()
    expect((await screen.findByTestId('level-badge')).textContent).toBe('V2')
    expect(screen.getByTestId('level-name').textContent).toBe('活跃会员')
    expect(screen.getByTestId('level-growth').textContent).toBe('成长值 260')
    expect(screen.getByTestId('level-to-next').textContent).toBe('还差 740 成长值升级 V3 资深会员')
    // 260 of the 200..1000 span: 7%.
    expect(screen.getByTestId('level-progress').getAttribute('aria-valuenow')).toBe('7')
    expect(screen.getByText('兑换礼品不消耗成长值，等级不会因此降低；订单退款会收回该订单所得的成长值')).toBeTruthy()
  })

  test('after a refund takes back an order’s growth, the page does not claim growth only goes up', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'streak-day6')
    const order = await api.call('POST', '/orders', {
      token,
      body: { productId: 'p-serum' },
      idempotencyKey: 'order-serum-0001',
    })
    expect(order.status).toBe(201)
    const orderId = (order.json as { id: string }).id
    expect(((await api.call('GET', '/levels', { token })).json as { growth: number }).growth).toBeGreaterThan(260)
    const refunded = await api.call('POST', `/orders/${orderId}/refund`, { token, idempotencyKey: 'refund-serum-0001' })
    expect(refunded.status).toBe(200)

    renderWithApp(<LevelsPage />)
    expect((await screen.findByTestId('level-growth')).textContent).toBe('成长值 260')
    expect(screen.getByTestId('level-overview').textContent).not.toContain('只增不减')
    expect(screen.getByTestId('level-overview').textContent).toContain('订单退款会收回该订单所得的成长值')
  })

  test('every level lists its benefits: lower reached, the current highlighted, higher locked', async () => {
    const api = installInProcessApi()
    await signIn(api, 'points-expiring')
    renderWithApp(<LevelsPage />)
    await screen.findByTestId('level-overview')
    expect(['V1', 'V2', 'V3', 'V4', 'V5'].map(rowState)).toEqual(['reached', 'reached', 'current', 'locked', 'locked'])
    expect(screen.getByTestId('level-row-V3').getAttribute('aria-current')).toBe('true')
    expect(screen.getByTestId('level-row-V5').textContent).toContain('签到 2 倍积分')
    // Only what something gives: no 专属客服 that no service answers.
    expect(screen.getByTestId('level-row-V5').textContent).not.toContain('专属客服')
    expect(screen.getByTestId('level-row-V5').textContent).toContain('未解锁')
    expect(screen.getByTestId('level-row-V3').textContent).toContain('生日礼')
    expect(screen.getByTestId('level-to-next').textContent).toBe('还差 1,800 成长值升级 V4 核心会员')
  })

  test('growth past the last threshold shows the top level, with no next step', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'kol-distributor')
    await api.call('POST', '/__mock/grant', { token, body: { growth: 5000 }, idempotencyKey: 'grant-top-level-0001' })
    renderWithApp(<LevelsPage />)
    expect((await screen.findByTestId('level-badge')).textContent).toBe('V5')
    expect(screen.getByTestId('level-to-next').textContent).toBe('已达最高等级，感谢一路相伴')
    expect(screen.getByTestId('level-progress').getAttribute('aria-valuenow')).toBe('100')
  })

  test('in English the words change and the level names still come from the server', async () => {
    const api = installInProcessApi()
    await signIn(api, 'streak-day6')
    useLocale.getState().localeChosen('en')
    renderWithApp(<LevelsPage />)
    expect((await screen.findByTestId('level-to-next')).textContent).toBe('740 more growth to reach V3 资深会员')
    expect(screen.getByTestId('level-growth').textContent).toBe('Growth 260')
  })

  test('a 500 shows why with a retry that recovers', async () => {
    const api = installInProcessApi()
    await signIn(api, 'streak-day6')
    api.fail('GET', '/levels', { kind: 'status', status: 500, body: '{"error":{"code":"INTERNAL","message":"down"}}' })
    const { container } = renderWithApp(<LevelsPage />)
    expect((await screen.findByTestId('error-state')).textContent).toContain('服务开小差了，请稍后重试')
    tap(container, 'retry')
    expect((await screen.findByTestId('level-badge')).textContent).toBe('V2')
  })

  test('a visitor is invited to sign in and nothing private is requested', async () => {
    const api = installInProcessApi()
    renderWithApp(<LevelsPage />)
    expect(screen.getByTestId('sign-in-prompt')).toBeTruthy()
    // The public config still loads: once it has, the page has made every call it is going to.
    await waitFor(() => expect(api.sent.some((call) => call.path.endsWith('/app/config'))).toBe(true))
    expect(api.sent.filter((call) => call.path.endsWith('/levels'))).toHaveLength(0)
  })
})
