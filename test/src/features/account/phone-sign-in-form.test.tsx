import { screen, waitFor } from '@testing-library/react'
import { PhoneSignInForm } from '@/features/account/components/phone-sign-in-form'
import { useReferral } from '@/stores/referral'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

const PHONE = '13800138000'

function signInCalls(api: ReturnType<typeof installInProcessApi>) {
  return api.sent.filter((call) => call.path.endsWith('/auth/phone'))
}

describe('PhoneSignInForm', () => {
  test('signs in with phone and code, sending the captured referral code once', async () => {
    const api = installInProcessApi()
    useReferral.getState().captured('LINA88')
    const onSignedIn = jest.fn()
    const { container } = renderWithApp(<PhoneSignInForm onSignedIn={onSignedIn} />)

    await typeInto(container, 'phone-input', PHONE)
    tap(container, 'send-code')
    await screen.findByText(/秒后重发/)
    await typeInto(container, 'code-input', '123456')
    tap(container, 'sign-in-submit')

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1))
    expect(signInCalls(api)).toHaveLength(1)
    expect(signInCalls(api)[0]?.body).toEqual({ phone: PHONE, smsCode: '123456', ref: 'LINA88', refSource: 'link' })
    expect(useSession.getState().token).toEqual(expect.any(String))
    expect(useReferral.getState().capturedCode).toBeNull()
  })

  test('a code sent moments ago (429 with Retry-After) counts down to the next send instead of looking ready', async () => {
    const api = installInProcessApi()
    // Another device, or this page before a reload, asked for a code for this phone a moment ago.
    expect((await api.call('POST', '/auth/sms', { body: { phone: PHONE } })).status).toBe(200)
    const { container } = renderWithApp(<PhoneSignInForm onSignedIn={jest.fn()} />)
    await typeInto(container, 'phone-input', PHONE)
    tap(container, 'send-code')
    expect(await screen.findByText(/秒后重发/)).toHaveProperty(
      'textContent',
      expect.stringMatching(/^(5\d|60) ?秒后重发/),
    )
  })

  test('a wrong code is shown next to the code field and signs nobody in', async () => {
    installInProcessApi()
    const onSignedIn = jest.fn()
    const { container } = renderWithApp(<PhoneSignInForm onSignedIn={onSignedIn} />)
    await typeInto(container, 'phone-input', PHONE)
    await typeInto(container, 'code-input', '000000')
    tap(container, 'sign-in-submit')
    expect(await screen.findByTestId('code-error')).toHaveProperty('textContent', '验证码不正确')
    expect(onSignedIn).not.toHaveBeenCalled()
    expect(useSession.getState().token).toBeNull()
  })

  test('a malformed phone number is refused before anything is sent', async () => {
    const api = installInProcessApi()
    const { container } = renderWithApp(<PhoneSignInForm onSignedIn={jest.fn()} />)
    await typeInto(container, 'phone-input', '1234')
    tap(container, 'send-code')
    expect(screen.getByTestId('phone-error').textContent).toBe('请输入 11 位手机号')
    await typeInto(container, 'code-input', '123456')
    tap(container, 'sign-in-submit')
    expect(api.sent).toHaveLength(0)
  })

  test('a 500 during sign-in says so, and the same form signs in on the next tap', async () => {
    const api = installInProcessApi()
    api.fail('POST', '/auth/phone', {
      kind: 'status',
      status: 500,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    const onSignedIn = jest.fn()
    const { container } = renderWithApp(<PhoneSignInForm onSignedIn={onSignedIn} />)
    await typeInto(container, 'phone-input', PHONE)
    await typeInto(container, 'code-input', '123456')
    tap(container, 'sign-in-submit')
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe('服务开小差了，请稍后重试')
    expect(useSession.getState().token).toBeNull()

    tap(container, 'sign-in-submit')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1))
    expect(screen.queryByTestId('sign-in-error')).toBeNull()
  })

  // What a number field holds after "+86 138 0013 8000" (or "0086 …") is pasted or autofilled into it: the browser
  // keeps the digits. It was cut at 11 ("86138001380") and refused as not 11 digits.
  test.each(['8613800138000', '008613800138000'])(
    'a number pasted or autofilled with the country code (%p) is taken as the 11 digits it is',
    async (pasted) => {
      const api = installInProcessApi()
      const { container } = renderWithApp(<PhoneSignInForm onSignedIn={jest.fn()} />)
      await typeInto(container, 'phone-input', pasted)
      tap(container, 'send-code')
      await screen.findByText(/秒后重发/)
      expect(screen.queryByTestId('phone-error')).toBeNull()
      expect(api.sent.filter((call) => call.path.endsWith('/auth/sms')).map((call) => call.body)).toEqual([
        { phone: PHONE },
      ])
    },
  )
})
