import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import type { Fan } from '@/contract/kol'
import SignInPage from '@/packages/auth/sign-in/index'
import { useReferral } from '@/stores/referral'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
jest.setTimeout(30_000)

async function signInByPhone(container: HTMLElement, phone: string) {
  await typeInto(container, 'phone-input', phone)
  tap(container, 'send-code')
  await screen.findByText(/秒后重发/)
  await typeInto(container, 'code-input', '123456')
  tap(container, 'sign-in-submit')
}

describe('a friend with only the printed code (poster, card page) and nothing to scan', () => {
  beforeEach(() => {
    // Signed in, the page goes home.
    jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  test("types lina88 on the sign-in page and becomes Lina's fan, from a code", async () => {
    const api = installInProcessApi()
    const { container } = renderWithApp(<SignInPage />)
    tap(container, 'referral-code-open')
    await typeInto(container, 'referral-code-input', 'lina88')
    tap(container, 'referral-code-apply')
    // Applied, the code is shown as the invitation the sign-in will carry, as printed.
    expect(await screen.findByTestId('referral-notice')).toHaveProperty(
      'textContent',
      expect.stringContaining('LINA88'),
    )

    await signInByPhone(container, '13700000031')

    await waitFor(() => expect(useReferral.getState().capturedCode).toBeNull(), { timeout: 20_000 })
    const signIn = api.sent.find((item) => item.path.endsWith('/auth/phone'))
    expect(signIn?.body).toMatchObject({ ref: 'LINA88', refSource: 'code' })
    const { token } = await api.signInPersona('kol-distributor')
    const fans = (await api.call('GET', '/distribution/fans?limit=50', { token })).json.items as Fan[]
    expect(fans.find((fan) => fan.member.nickname.endsWith('0031'))).toMatchObject({ source: 'code' })
  })

  test('a malformed code is refused in place, in Chinese, and an empty field does not hold up the sign-in', async () => {
    const api = installInProcessApi()
    const { container } = renderWithApp(<SignInPage />)
    tap(container, 'referral-code-open')
    await typeInto(container, 'referral-code-input', 'LINA-8')
    tap(container, 'referral-code-apply')
    expect(await screen.findByTestId('referral-code-error')).toHaveProperty(
      'textContent',
      '邀请码是 4 到 8 位字母或数字，请核对后再试',
    )
    expect(useReferral.getState().capturedCode).toBeNull()
    expect(screen.queryByTestId('referral-notice')).toBeNull()

    await typeInto(container, 'referral-code-input', '')
    await signInByPhone(container, '13700000032')

    await waitFor(() => expect(api.sent.some((item) => item.path.endsWith('/auth/phone'))).toBe(true))
    const signIn = api.sent.find((item) => item.path.endsWith('/auth/phone'))
    expect(signIn?.body).toEqual({ phone: '13700000032', smsCode: '123456' })
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' }))
  })
})
