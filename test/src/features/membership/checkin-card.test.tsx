import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { CheckinCard } from '@/features/membership/components/checkin-card'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

async function signedInAs(api: Api, persona: string): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

async function balanceOf(api: Api, token: string): Promise<number> {
  return (await api.call('GET', '/me', { token })).json.pointsBalance as number
}

const checkinPosts = (api: Api) => api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/checkin'))

describe('CheckinCard', () => {
  test('one tap checks in: the award rises, the card turns done and says what tomorrow gives', async () => {
    const api = installInProcessApi()
    const token = await signedInAs(api, 'streak-day6')
    const before = await balanceOf(api, token)
    const { container } = renderWithApp(<CheckinCard />)

    const button = await screen.findByTestId('checkin-button')
    expect(screen.getByTestId('checkin-streak').textContent).toBe('已连续签到 5 天')
    // Day 7 of the cycle is the bonus day and is shown ahead.
    expect(container.querySelectorAll('[data-testid="ladder-bonus"]').length).toBeGreaterThan(0)
    fireEvent.click(button)

    const award = await screen.findByTestId('checkin-award')
    const awarded = Number(award.textContent?.replace('+', ''))
    expect(awarded).toBeGreaterThan(0)
    expect(await screen.findByTestId('checkin-done')).toBeTruthy()
    expect(screen.getByTestId('checkin-done').textContent).toMatch(/明天签到 \+\d+ 积分/)
    expect(await balanceOf(api, token)).toBe(before + awarded)
  })

  test('a double tap sends one check-in', async () => {
    const api = installInProcessApi()
    await signedInAs(api, 'new-member')
    renderWithApp(<CheckinCard />)
    const button = await screen.findByTestId('checkin-button')
    fireEvent.click(button)
    fireEvent.click(button)
    await screen.findByTestId('checkin-done')
    expect(checkinPosts(api)).toHaveLength(1)
  })

  test('a 500 shows a retry, and the retry awards once with the same Idempotency-Key', async () => {
    const api = installInProcessApi()
    const token = await signedInAs(api, 'new-member')
    api.fail('POST', '/checkin', {
      kind: 'status',
      status: 500,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    const { container } = renderWithApp(<CheckinCard />)
    fireEvent.click(await screen.findByTestId('checkin-button'))
    expect((await screen.findByTestId('checkin-error')).textContent).toBe(
      '签到结果未确认：服务开小差了，请稍后重试。再点不会重复签到',
    )
    expect(await balanceOf(api, token)).toBe(0)

    tap(container, 'checkin-button')
    await screen.findByTestId('checkin-done')
    const [first, second] = checkinPosts(api)
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'))
    const awarded = Number((await screen.findByTestId('checkin-award')).textContent?.replace('+', ''))
    expect(await balanceOf(api, token)).toBe(awarded)
  })

  test('when the answer is lost after the server awarded, the card learns it from the server and awards nothing more', async () => {
    const api = installInProcessApi()
    const token = await signedInAs(api, 'new-member')
    api.fail('POST', '/checkin', { kind: 'lost-answer' })
    const { container } = renderWithApp(<CheckinCard />)
    await screen.findByTestId('checkin-button')
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      tap(container, 'checkin-button')
      await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
    } finally {
      jest.useRealTimers()
    }
    // The refetch after the timeout shows today as done: no error, no second button to press.
    await screen.findByTestId('checkin-done')
    expect(screen.queryByTestId('checkin-error')).toBeNull()
    expect(screen.queryByTestId('checkin-button')).toBeNull()
    expect(checkinPosts(api)).toHaveLength(1)
    const ledger = (await api.call('GET', '/points/ledger', { token })).json.items as { type: string }[]
    expect(ledger.filter((entry) => entry.type === 'checkin')).toHaveLength(1)
  })

  test('a timeout before the server saw anything: the retry uses the same key and awards once', async () => {
    const api = installInProcessApi()
    const token = await signedInAs(api, 'new-member')
    api.fail('POST', '/checkin', { kind: 'hang' })
    const { container } = renderWithApp(<CheckinCard />)
    await screen.findByTestId('checkin-button')
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      tap(container, 'checkin-button')
      await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 100))
    } finally {
      jest.useRealTimers()
    }
    expect((await screen.findByTestId('checkin-error')).textContent).toBe(
      '签到结果未确认：请求超时了，请稍后重试。再点不会重复签到',
    )
    tap(container, 'checkin-button')
    await screen.findByTestId('checkin-done')
    const [first, second] = checkinPosts(api)
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'))
    const ledger = (await api.call('GET', '/points/ledger', { token })).json.items as { type: string }[]
    expect(ledger.filter((entry) => entry.type === 'checkin')).toHaveLength(1)
  })

  test('a definite refusal is called a failure; only a missing answer is called unconfirmed', async () => {
    const api = installInProcessApi()
    await signedInAs(api, 'new-member')
    api.fail('POST', '/checkin', { kind: 'status', status: 429, body: '{"error":{"code":"RATE_LIMITED"}}' })
    renderWithApp(<CheckinCard />)
    fireEvent.click(await screen.findByTestId('checkin-button'))
    expect((await screen.findByTestId('checkin-error')).textContent).toMatch(/^签到没成功：/)
  })

  test('already checked in elsewhere: the card shows done, not an error', async () => {
    const api = installInProcessApi()
    const token = await signedInAs(api, 'new-member')
    renderWithApp(<CheckinCard />)
    await screen.findByTestId('checkin-button')
    // The same member checks in from another phone meanwhile.
    expect((await api.call('POST', '/checkin', { token, idempotencyKey: 'other-phone' })).status).toBe(201)
    fireEvent.click(screen.getByTestId('checkin-button'))
    await waitFor(() => expect(screen.getByTestId('checkin-done')).toBeTruthy())
    expect(screen.queryByTestId('checkin-error')).toBeNull()
  })

  test('renders nothing for a visitor', () => {
    installInProcessApi()
    const { container } = renderWithApp(<CheckinCard />)
    expect(container.innerHTML).toBe('')
  })
})
