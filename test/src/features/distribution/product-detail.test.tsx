import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import { ProductDetail } from '@/features/distribution/components/product-detail'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
jest.setTimeout(30_000)

async function signedInAs(api: ReturnType<typeof installInProcessApi>, persona: string) {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
}

describe('ProductDetail', () => {
  test('a KOL on a product they earn on shares it with their own code, and their own link is not "someone’s share"', async () => {
    const api = installInProcessApi()
    await signedInAs(api, 'kol-distributor')
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode='LINA88' postId={null} />)

    expect(await screen.findByText('分享赚 ¥19.90')).toBeTruthy()
    await waitFor(() => expect(container.querySelector('[data-testid="share-link"]')).not.toBeNull())
    expect(container.querySelector('[data-testid="product-ref"]')).toBeNull()
    // jsdom has no share sheet: the link is copied.
    tap(container, 'share-link')
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1))
    expect(copy.mock.calls[0]?.[0]).toEqual({
      data: `${window.location.origin}/packages/orders/product/index?id=p-serum&ref=LINA88`,
    })
  })

  test('a fan opening a KOL’s link sees whose share it is, and no share button of their own', async () => {
    const api = installInProcessApi()
    await signedInAs(api, 'kol-fan')
    const { container } = renderWithApp(<ProductDetail productId='p-serum' referralCode='LINA88' postId={null} />)
    expect(await screen.findByTestId('product-ref')).toHaveProperty('textContent', '来自推荐码 LINA88 的分享')
    await waitFor(() => expect(api.sent.some((item) => item.path.endsWith('/distribution/status'))).toBe(true))
    expect(container.querySelector('[data-testid="share-link"]')).toBeNull()
  })
})
