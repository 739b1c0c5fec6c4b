import Taro from '@tarojs/taro'
import { screen } from '@testing-library/react'
import { OrderList } from '@/features/distribution/components/order-list'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

jest.setTimeout(30_000)

describe('我的订单 with no orders', () => {
  afterEach(() => jest.restoreAllMocks())

  // It said only 还没有订单, a dead end for a member who came to look.
  test('says what comes here and leads to the products', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const { container } = renderWithApp(<OrderList />)
    const empty = await screen.findByTestId('empty-state', {}, { timeout: 8000 })
    expect(empty.textContent).toBe('还没有订单买过的商品和开通的付费会员都会在这里，可以查看和申请退款去逛逛商品')
    tap(container, 'orders-to-products')
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/orders/products/index' })
  })
})
