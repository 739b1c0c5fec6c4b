import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import { RedemptionList } from '@/features/mall/components/redemption-list'
import { routes } from '@/lib/routes'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { memberWithPoints, redeem } from './redemption-support'

const rowIds = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-testid^="redemption-row-"]')].map((row) =>
    row.getAttribute('data-testid')?.replace('redemption-row-', ''),
  )

describe('RedemptionList', () => {
  afterEach(() => jest.restoreAllMocks())

  test('lists every redemption newest first, then only those of the chosen status', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    const tote = await redeem(api, token, { giftId: 'gift-tote', quantity: 2, addressId: address.id })
    const cleanser = await redeem(api, token, { giftId: 'gift-cleanser-mini', addressId: address.id })
    const ebook = await redeem(api, token, { giftId: 'gift-ebook' })
    expect(
      (await api.call('POST', `/redemptions/${cleanser.id}/cancel`, { token, idempotencyKey: 'cancel-1' })).status,
    ).toBe(200)
    const { container } = renderWithApp(<RedemptionList />)

    await waitFor(() => expect(rowIds(container)).toEqual([ebook.id, cleanser.id, tote.id]))
    const toteRow = screen.getByTestId(`redemption-row-${tote.id}`)
    expect(toteRow.textContent).toContain('品牌定制帆布袋')
    expect(toteRow.textContent).toContain('×2')
    expect(toteRow.textContent).toContain('600 积分')
    expect(toteRow.textContent).toContain('待发货')
    expect(toteRow.textContent).toContain(tote.createdAt.slice(0, 16).replace('T', ' '))

    tap(container, 'redemption-tab-pending_shipment')
    await waitFor(() => expect(rowIds(container)).toEqual([tote.id]))
    expect(screen.getByTestId('redemption-tab-pending_shipment').getAttribute('aria-selected')).toBe('true')
    tap(container, 'redemption-tab-completed')
    await waitFor(() => expect(rowIds(container)).toEqual([ebook.id]))
    tap(container, 'redemption-tab-cancelled')
    await waitFor(() => expect(rowIds(container)).toEqual([cleanser.id]))
    expect(screen.getByTestId(`redemption-row-${cleanser.id}`).textContent).toContain('已取消')
    tap(container, 'redemption-tab-shipped')
    expect((await screen.findByTestId('empty-state')).textContent).toBe('这里还没有兑换记录')
  })

  test('a row opens its redemption', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const ebook = await redeem(api, token, { giftId: 'gift-ebook' })
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const { container } = renderWithApp(<RedemptionList />)
    await screen.findByTestId(`redemption-row-${ebook.id}`)

    tap(container, `redemption-row-${ebook.id}`)
    expect(navigate).toHaveBeenCalledWith({ url: `${routes.redemption}?id=${ebook.id}` })
  })

  test('with no redemptions it says so; a failed load says why and retries', async () => {
    const api = installInProcessApi()
    await memberWithPoints(api)
    api.fail('GET', '/redemptions', {
      kind: 'status',
      status: 500,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    const { container } = renderWithApp(<RedemptionList />)
    expect((await screen.findByTestId('error-state')).textContent).toContain('服务开小差了')

    tap(container, 'retry')
    expect((await screen.findByTestId('empty-state')).textContent).toContain('还没有兑换记录')
  })

  // It said only 还没有兑换记录: nothing about what comes here, and no way to the mall.
  test('with none at all it says what comes here and leads to the mall', async () => {
    const api = installInProcessApi()
    await memberWithPoints(api)
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
    const { container } = renderWithApp(<RedemptionList />)
    const empty = await screen.findByTestId('empty-state')
    expect(empty.textContent).toBe('还没有兑换记录在积分商城用积分兑换的礼品都会在这里去积分商城')
    tap(container, 'redemptions-to-mall')
    expect(switchTab).toHaveBeenCalledWith({ url: routes.mall })
  })
})
