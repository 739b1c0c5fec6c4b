import Taro from '@tarojs/taro'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { BirthdayGiftCard } from '@/features/membership/components/birthday-gift-card'
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

const balanceOf = async (api: Api, token: string) =>
  ((await api.call('GET', '/me', { token })).json as { pointsBalance: number }).pointsBalance
const claimCalls = (api: Api) =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/birthday-gift/claim'))
const patchCalls = (api: Api) => api.sent.filter((call) => call.method === 'PATCH' && call.path.endsWith('/me'))
const status = () => screen.getByTestId('birthday-gift-card').getAttribute('data-status')

/** Picks a date in the phone's date picker (on H5 a native date input over the button). */
function pickDate(value: string): void {
  const picker = document.querySelector('[data-testid="birthday-picker"]')
  if (!picker) throw new Error('no birthday picker')
  act(() => {
    fireEvent.change(picker, { target: { value } })
  })
}

let showModal: jest.SpyInstance
let showToast: jest.SpyInstance
beforeEach(() => {
  showModal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
  showToast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})
afterEach(() => {
  showModal.mockRestore()
  showToast.mockRestore()
})

describe('BirthdayGiftCard', () => {
  test('renders nothing for a visitor', () => {
    const api = installInProcessApi()
    const { container } = renderWithApp(<BirthdayGiftCard />)
    expect(container.innerHTML).toBe('')
    expect(api.sent).toHaveLength(0)
  })

  test('the birthday is set once, after a confirmation, then locked', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    const today = ((await api.call('GET', '/checkin/calendar', { token })).json as { today: string }).today
    renderWithApp(<BirthdayGiftCard />)
    await screen.findByTestId('set-birthday')
    expect(screen.getByTestId('set-birthday').textContent).toBe('设置生日')
    expect(status()).toBe('no_birthday')
    // A V1 member learns up front that the gift comes with a higher level (named from the config).
    expect((await screen.findByTestId('birthday-status')).textContent).toBe('升级到 V3 资深会员 即可领取生日礼')
    // The wheel cannot go past the server's today.
    await waitFor(() =>
      expect(document.querySelector('[data-testid="birthday-picker"]')?.getAttribute('max')).toBe(today),
    )

    pickDate('1990-05-01')
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '生日设置后不可修改，确认是 1990-05-01 吗？' }),
    )
    await waitFor(() => expect(patchCalls(api)).toHaveLength(1))
    expect(patchCalls(api)[0]?.body).toEqual({ birthday: '1990-05-01' })

    expect((await screen.findByTestId('birthday-date')).textContent).toBe('生日 1990-05-01')
    await waitFor(() => expect(screen.queryByTestId('set-birthday')).toBeNull())
    expect(((await api.call('GET', '/me', { token })).json as { birthday: string }).birthday).toBe('1990-05-01')
    await waitFor(() => expect(status()).toBe('not_eligible'))
    expect(screen.getByTestId('birthday-status').textContent).toBe('升级到 V3 资深会员 即可领取生日礼')
  })

  test('a member whose level has the gift is only asked for the birthday', async () => {
    const api = installInProcessApi()
    await signIn(api, 'kol-distributor')
    renderWithApp(<BirthdayGiftCard />)
    expect((await screen.findByTestId('set-birthday')).textContent).toBe('设置生日')
    expect(screen.getByTestId('birthday-gift-card').textContent).toContain('设置生日，生日当月可领 200 积分生日礼')
    await waitFor(() => expect(api.sent.some((call) => call.path.endsWith('/app/config'))).toBe(true))
    expect(screen.queryByTestId('birthday-status')).toBeNull()
  })

  test('cancelling the confirmation changes nothing', async () => {
    const api = installInProcessApi()
    await signIn(api, 'new-member')
    showModal.mockResolvedValue({ confirm: false, cancel: true } as never)
    renderWithApp(<BirthdayGiftCard />)
    await screen.findByTestId('set-birthday')
    pickDate('1990-05-01')
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    await act(() => Promise.resolve())
    expect(patchCalls(api)).toHaveLength(0)
    expect(screen.getByTestId('set-birthday')).toBeTruthy()
  })

  test('after 再想想 the same date picked again asks again (the date input still held it, so no change came)', async () => {
    const api = installInProcessApi()
    await signIn(api, 'new-member')
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    renderWithApp(<BirthdayGiftCard />)
    await screen.findByTestId('set-birthday')
    pickDate('1990-05-01')
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    await act(() => Promise.resolve())
    pickDate('1990-05-01')
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(patchCalls(api)).toHaveLength(1))
    expect(patchCalls(api)[0]?.body).toEqual({ birthday: '1990-05-01' })
  })

  test("every day from 1900-01-01 to the server's today can be picked, 1995-01-01 (where the wheel used to open) too", async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    const today = ((await api.call('GET', '/checkin/calendar', { token })).json as { today: string }).today
    showModal.mockResolvedValue({ confirm: false, cancel: true } as never)
    renderWithApp(<BirthdayGiftCard />)
    await screen.findByTestId('set-birthday')
    const picker = () => document.querySelector('[data-testid="birthday-picker"]')
    await waitFor(() => expect(picker()?.getAttribute('max')).toBe(today))
    expect(picker()?.getAttribute('min')).toBe('1900-01-01')
    // A browser sends no change for the date its input already holds, so that day could never be picked.
    for (const [index, day] of ['1900-01-01', today, '1995-01-01'].entries()) {
      pickDate(day)
      await waitFor(() => expect(showModal).toHaveBeenCalledTimes(index + 1))
      expect(showModal).toHaveBeenLastCalledWith(
        expect.objectContaining({ content: `生日设置后不可修改，确认是 ${day} 吗？` }),
      )
      await act(() => Promise.resolve())
    }
    expect(patchCalls(api)).toHaveLength(0)

    showModal.mockResolvedValue({ confirm: true, cancel: false } as never)
    pickDate('1995-01-01')
    await waitFor(() => expect(patchCalls(api)).toHaveLength(1))
    expect(patchCalls(api)[0]?.body).toEqual({ birthday: '1995-01-01' })
    expect((await screen.findByTestId('birthday-date')).textContent).toBe('生日 1995-01-01')
  })

  test('in the birthday month the gift is claimed once and the balance rises by it once', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'birthday-month')
    const before = await balanceOf(api, token)
    const { container } = renderWithApp(<BirthdayGiftCard />)
    const button = await screen.findByTestId('claim-birthday-gift')
    expect(button.textContent).toBe('领取生日礼 +200 积分')
    // No way to change a birthday that is set.
    expect(screen.queryByTestId('set-birthday')).toBeNull()

    tap(container, 'claim-birthday-gift')
    await waitFor(() => expect(status()).toBe('claimed'))
    expect(screen.getByTestId('birthday-status').textContent).toBe('✓ 今年的生日礼已领取')
    expect(screen.queryByTestId('claim-birthday-gift')).toBeNull()
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '生日快乐！+200 积分已到账' }))
    expect(await balanceOf(api, token)).toBe(before + 200)
    expect(claimCalls(api)).toHaveLength(1)
  })

  test('a 500 during the claim keeps the button and says why; the retry is the same intent and pays once', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'birthday-month')
    const before = await balanceOf(api, token)
    api.fail('POST', '/birthday-gift/claim', {
      kind: 'status',
      status: 500,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    const { container } = renderWithApp(<BirthdayGiftCard />)
    await screen.findByTestId('claim-birthday-gift')

    tap(container, 'claim-birthday-gift')
    expect((await screen.findByTestId('birthday-error')).textContent).toBe('服务开小差了，请稍后重试')
    expect(screen.getByTestId('claim-birthday-gift')).toBeTruthy()
    expect(await balanceOf(api, token)).toBe(before)

    tap(container, 'claim-birthday-gift')
    await waitFor(() => expect(status()).toBe('claimed'))
    expect(screen.queryByTestId('birthday-error')).toBeNull()
    expect(await balanceOf(api, token)).toBe(before + 200)
    const keys = claimCalls(api).map((call) => call.headers.get('Idempotency-Key'))
    expect(keys).toHaveLength(2)
    expect(keys[0]).toEqual(expect.any(String))
    expect(keys[1]).toBe(keys[0])
  })

  test('an answer lost after the server paid: the retry replays it and the gift is paid exactly once', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'birthday-month')
    const before = await balanceOf(api, token)
    api.fail('POST', '/birthday-gift/claim', { kind: 'network' })
    const { container } = renderWithApp(<BirthdayGiftCard />)
    await screen.findByTestId('claim-birthday-gift')
    tap(container, 'claim-birthday-gift')
    expect((await screen.findByTestId('birthday-error')).textContent).toBe('网络不太好，请检查网络后重试')

    // What the server would have seen had that request arrived and only its answer been lost.
    const key = claimCalls(api)[0]?.headers.get('Idempotency-Key') ?? undefined
    expect((await api.call('POST', '/birthday-gift/claim', { token, idempotencyKey: key })).status).toBe(200)
    expect(await balanceOf(api, token)).toBe(before + 200)

    tap(container, 'claim-birthday-gift')
    await waitFor(() => expect(status()).toBe('claimed'))
    // The replayed answer is the success the member was waiting for, not a refusal.
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '生日快乐！+200 积分已到账' }))
    expect(claimCalls(api).map((call) => call.headers.get('Idempotency-Key'))).toEqual([key, key])
    expect(await balanceOf(api, token)).toBe(before + 200)
  })

  test('in English the claim and the month read in English', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'birthday-month')
    useLocale.getState().localeChosen('en')
    const first = renderWithApp(<BirthdayGiftCard />)
    expect((await screen.findByTestId('claim-birthday-gift')).textContent).toBe('Claim birthday gift +200 points')
    first.unmount()

    const birthday = ((await api.call('GET', '/me', { token })).json as { birthday: string }).birthday
    await api.call('POST', '/__mock/clock', { body: { advanceDays: 40 } })
    renderWithApp(<BirthdayGiftCard />)
    const month = new Date(Date.UTC(2000, Number(birthday.slice(5, 7)) - 1, 1)).toLocaleString('en', {
      month: 'long',
      timeZone: 'UTC',
    })
    expect((await screen.findByTestId('birthday-status')).textContent).toBe(
      `Available in your birthday month (${month})`,
    )
  })

  test('outside the birthday month it says which month', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'birthday-month')
    const birthday = ((await api.call('GET', '/me', { token })).json as { birthday: string }).birthday
    await api.call('POST', '/__mock/clock', { body: { advanceDays: 40 } })
    renderWithApp(<BirthdayGiftCard />)
    await waitFor(() => expect(status()).toBe('not_this_month'))
    expect(screen.getByTestId('birthday-status').textContent).toBe(
      `生日当月可领取 (${Number(birthday.slice(5, 7))} 月)`,
    )
    expect(screen.queryByTestId('claim-birthday-gift')).toBeNull()
  })
})
