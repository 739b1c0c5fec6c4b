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

describe('the codes a visitor arrived with before signing in', () => {
  test('are kept in order behind the first, each once (whatever its case), a handful at most', () => {
    const { captured } = useReferral.getState()
    captured('ZZZZ99')
    captured('LINA88', 'card')
    captured('zzzz99')
    captured('lina88')
    for (const code of ['MIAO66', 'AAAA11', 'BBBB22', 'CCCC33']) captured(code)
    expect(useReferral.getState()).toMatchObject({
      capturedCode: 'ZZZZ99',
      capturedSource: 'link',
      laterCodes: [
        { code: 'LINA88', source: 'card' },
        { code: 'MIAO66', source: 'link' },
        { code: 'AAAA11', source: 'link' },
        { code: 'BBBB22', source: 'link' },
      ],
    })
    useReferral.getState().sent()
    expect(useReferral.getState()).toMatchObject({ capturedCode: null, laterCodes: [] })
  })

  test("a first code that binds nobody does not cost the KOL whose card came next: the new member is Lina's fan", async () => {
    const api = installInProcessApi()
    // Signed in, the page goes home.
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
    // A mistyped or dead code first (no distributor has it), then Lina's referral card.
    useReferral.getState().captured('ZZZZ99')
    useReferral.getState().captured('LINA88', 'card')
    const { container } = renderWithApp(<SignInPage />)
    expect(await screen.findByTestId('referral-notice')).toHaveProperty(
      'textContent',
      expect.stringContaining('ZZZZ99'),
    )

    await typeInto(container, 'phone-input', '13700000021')
    tap(container, 'send-code')
    await screen.findByText(/秒后重发/)
    await typeInto(container, 'code-input', '123456')
    tap(container, 'sign-in-submit')

    const arrivals = () =>
      api.sent.filter((item) => item.method === 'POST' && item.path.endsWith('/distribution/arrivals'))
    await waitFor(() => expect(arrivals()).toHaveLength(1), { timeout: 20_000 })
    const signIn = api.sent.find((item) => item.path.endsWith('/auth/phone'))
    expect(signIn?.body).toMatchObject({ ref: 'ZZZZ99', refSource: 'link' })
    expect(arrivals()[0]?.body).toEqual({ code: 'LINA88', source: 'card' })
    expect(useReferral.getState()).toMatchObject({ capturedCode: null, laterCodes: [] })
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })

    const { token } = await api.signInPersona('kol-distributor')
    await waitFor(async () => {
      const fans = (await api.call('GET', '/distribution/fans?limit=50', { token })).json.items as Fan[]
      expect(fans.find((fan) => fan.member.nickname.endsWith('0021'))).toMatchObject({
        source: 'card',
        isProtected: true,
      })
    })
  })
})
