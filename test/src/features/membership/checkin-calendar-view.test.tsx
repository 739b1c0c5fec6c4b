import Taro from '@tarojs/taro'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { CheckinCalendarView } from '@/features/membership/components/checkin-calendar-view'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

const dayState = (date: string) => screen.getByTestId(`day-${date}`).getAttribute('data-state')

/** A new member who checked in on the 10th and opens the calendar on the 12th (the 11th missed). */
async function missedYesterday(api: Api): Promise<string> {
  await api.call('POST', '/__mock/clock', { body: { set: '2026-11-10T10:00:00+08:00' } })
  // Joins on the 10th: days before joining are never make-ups.
  const { token } = (await api.call('POST', '/auth/phone', { body: { phone: '13700000010', smsCode: '123456' } }))
    .json as { token: string }
  expect((await api.call('POST', '/checkin', { token, idempotencyKey: 'day-10' })).status).toBe(201)
  await api.call('POST', '/__mock/clock', { body: { set: '2026-11-12T10:00:00+08:00' } })
  useSession.getState().signedIn(token)
  return token
}

describe('CheckinCalendarView', () => {
  afterEach(() => jest.restoreAllMocks())

  test('shows checked, missed and today as the server sees them', async () => {
    const api = installInProcessApi()
    await missedYesterday(api)
    renderWithApp(<CheckinCalendarView />)
    await screen.findByTestId('checkin-calendar')
    expect(screen.getByTestId('calendar-month').textContent).toBe('2026 年 11 月')
    expect(dayState('2026-11-10')).toBe('checked')
    expect(dayState('2026-11-11')).toBe('missed')
    expect(screen.getByTestId('day-2026-11-12').textContent).toBe('今天')
    expect(screen.getByTestId('makeups-left').textContent).toBe('本月还可补签 2 次')
  })

  test('tapping a missed day offers a make-up for its cost; confirming makes it up once', async () => {
    const api = installInProcessApi()
    const token = await missedYesterday(api)
    await api.call('POST', '/__mock/grant', { token, body: { points: 100 }, idempotencyKey: 'grant-1' })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const { container } = renderWithApp(<CheckinCalendarView />)
    await screen.findByTestId('checkin-calendar')

    tap(container, 'day-2026-11-11')
    await waitFor(() => expect(dayState('2026-11-11')).toBe('made-up'))
    expect(modal.mock.calls[0]?.[0]?.content).toContain('20 积分')
    expect(screen.getByTestId('makeups-left').textContent).toBe('本月还可补签 1 次')
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(105 - 20)

    // Today is not a make-up: nothing is offered.
    tap(container, 'day-2026-11-12')
    expect(modal).toHaveBeenCalledTimes(1)
  })

  test('a make-up with another missed day after it does not promise the streak back', async () => {
    const api = installInProcessApi()
    const token = await missedYesterday(api)
    await api.call('POST', '/__mock/grant', { token, body: { points: 100 }, idempotencyKey: 'grant-1' })
    // The 11th and the 12th missed: making up the 11th alone leaves the gap of the 12th.
    await api.call('POST', '/__mock/clock', { body: { set: '2026-11-13T10:00:00+08:00' } })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true } as never)
    const { container } = renderWithApp(<CheckinCalendarView />)
    await screen.findByTestId('checkin-calendar')

    tap(container, 'day-2026-11-11')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    const first = String(modal.mock.calls[0]?.[0]?.content)
    expect(first).toContain('11-12 也漏签了')
    expect(first).not.toContain('连签不中断')

    // The 12th is the last gap: making it up does keep the streak.
    tap(container, 'day-2026-11-12')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1]?.[0]?.content).toContain('补签后连签不中断')
  })

  test('a make-up after today’s check-in says what the restored streak paid back on it', async () => {
    const api = installInProcessApi()
    const token = await missedYesterday(api)
    await api.call('POST', '/__mock/grant', { token, body: { points: 100 }, idempotencyKey: 'grant-1' })
    // Today is day 1 (+5) until the 11th is made up: then day 3 (+15).
    expect((await api.call('POST', '/checkin', { token, idempotencyKey: 'day-12' })).status).toBe(201)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = renderWithApp(<CheckinCalendarView />)
    await screen.findByTestId('checkin-calendar')

    tap(container, 'day-2026-11-11')
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已补签 11-11，连签奖励补发 +10 积分' })),
    )
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(110 - 20 + 10)
  })

  test('a refusal from the server is said in words and changes nothing', async () => {
    const api = installInProcessApi()
    const token = await missedYesterday(api)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = renderWithApp(<CheckinCalendarView />)
    await screen.findByTestId('checkin-calendar')

    // 5 points from one check-in do not pay a 20-point make-up.
    tap(container, 'day-2026-11-11')
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '积分不足' })))
    expect(dayState('2026-11-11')).toBe('missed')
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(5)
  })

  test('a member who opens the calendar before checking in can check in there, once', async () => {
    const api = installInProcessApi()
    const token = await missedYesterday(api)
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = renderWithApp(<CheckinCalendarView />)
    await screen.findByTestId('checkin-calendar')
    expect(screen.getByTestId('calendar-checkin').textContent).toContain('签到 +5 积分')

    tap(container, 'calendar-checkin')
    await waitFor(() => expect(dayState('2026-11-12')).toBe('checked'))
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '签到成功，+5 积分' }))
    expect(screen.queryByTestId('calendar-checkin')).toBeNull()
    expect(screen.getByTestId('calendar-streak').textContent).toBe('已连续签到 1 天')
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(10)
  })

  test('a missed day of an earlier month is not offered as a make-up: it says only this month’s can be', async () => {
    const api = installInProcessApi()
    const token = await missedYesterday(api)
    await api.call('POST', '/__mock/grant', { token, body: { points: 100 }, idempotencyKey: 'grant-1' })
    await api.call('POST', '/__mock/clock', { body: { set: '2026-12-02T10:00:00+08:00' } })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = renderWithApp(<CheckinCalendarView />)
    await screen.findByTestId('checkin-calendar')
    expect(screen.getByTestId('calendar-month').textContent).toBe('2026 年 12 月')
    fireEvent.click(screen.getByText(/上个月/))
    await waitFor(() => expect(screen.getByTestId('calendar-month').textContent).toBe('2026 年 11 月'))
    expect(dayState('2026-11-11')).toBe('missed')

    tap(container, 'day-2026-11-11')
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '只能补签本月的日子' })))
    expect(modal).not.toHaveBeenCalled()
    expect((await api.call('GET', '/me', { token })).json.pointsBalance).toBe(105)
  })
})
