import Taro from '@tarojs/taro'
import { screen } from '@testing-library/react'
import { RedeemResult } from '@/features/mall/components/redeem-result'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { memberWithPoints, redeem } from './redemption-support'

afterEach(() => jest.restoreAllMocks())

describe('RedeemResult', () => {
  test('a coupon gift says its coupons are in 我的卡券 and opens it, with no code to copy', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const redemption = await redeem(api, token, { giftId: 'gift-coupon-5', quantity: 2 })
    const { container } = renderWithApp(<RedeemResult redemptionId={redemption.id} />)
    const box = await screen.findByTestId('redeem-coupon-wallet')
    expect(box.textContent).toContain('2 张券已放入「我的卡券」，下单满足使用条件时自动抵扣')
    expect(screen.queryByTestId('redeem-code')).toBeNull()
    tap(container, 'redeem-coupon-wallet-open')
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/membership/coupons/index' })
  })

  test('a virtual gift shows its code at once', async () => {
    const api = installInProcessApi()
    const { token } = await memberWithPoints(api)
    const redemption = await redeem(api, token, { giftId: 'gift-ebook' })
    renderWithApp(<RedeemResult redemptionId={redemption.id} />)
    expect((await screen.findByTestId('redeem-code')).textContent).toBe(redemption.code)
    expect(screen.queryByTestId('redeem-coupon-wallet')).toBeNull()
  })

  // It read "品牌定制帆布袋 × 1 · −300" (−300 what?) and its button said 查看我的兑换 but opened this one redemption.
  test('a parcel says what it cost in points and its button says where it goes', async () => {
    const api = installInProcessApi()
    const { token, address } = await memberWithPoints(api)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const redemption = await redeem(api, token, { giftId: 'gift-tote', quantity: 2, addressId: address.id })
    const { container } = renderWithApp(<RedeemResult redemptionId={redemption.id} />)
    expect((await screen.findByTestId('redeem-result-gift')).textContent).toBe('品牌定制帆布袋 × 2 · 消耗 600 积分')
    const button = screen.getByTestId('redeem-result-detail')
    expect(button.textContent).toBe('查看兑换详情')
    tap(container, 'redeem-result-detail')
    expect(redirect).toHaveBeenCalledWith({ url: `/packages/mall/redemption/index?id=${redemption.id}` })
  })
})
