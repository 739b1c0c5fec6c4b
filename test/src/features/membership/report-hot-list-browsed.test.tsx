import { act, waitFor } from '@testing-library/react'
import { useReportHotListBrowsed } from '@/features/membership/lib/use-report-hot-list-browsed'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { renderWithApp } from '../../../support/render-app'

// The 社区 tab stays mounted for as long as the app runs, across days: each day's 逛逛爆款精选 is reported again.
jest.setTimeout(30_000)

function OnHotList() {
  useReportHotListBrowsed(true)
  return null
}

test('staying on the hot list completes 逛逛爆款精选 today, and again on the next day without leaving the tab', async () => {
  const api = installInProcessApi()
  await api.call('POST', '/__mock/clock', { body: { set: '2026-11-10T10:00:00+08:00' } })
  const { token } = (await api.call('POST', '/auth/phone', { body: { phone: '13700005151', smsCode: '123456' } }))
    .json as { token: string }
  useSession.getState().signedIn(token)
  const reports = () => api.sent.filter((call) => call.method === 'POST' && /\/tasks\/[^/]+\/complete$/.test(call.path))
  const isBrowseDone = async () => {
    const { items } = (await api.call('GET', '/tasks', { token })).json as {
      items: { action: string; isDone: boolean }[]
    }
    return items.find((item) => item.action === 'browse_hot')?.isDone
  }

  const { queryClient } = renderWithApp(<OnHotList />)
  await waitFor(() => expect(reports()).toHaveLength(1), { timeout: 8000 })
  await waitFor(async () => expect(await isBrowseDone()).toBe(true))

  // The next business day: the app reads its tasks again (as it does when it comes back to the front).
  await api.call('POST', '/__mock/clock', { body: { advanceDays: 1 } })
  expect(await isBrowseDone()).toBe(false)
  await act(() => queryClient.invalidateQueries())
  await waitFor(() => expect(reports()).toHaveLength(2), { timeout: 8000 })
  await waitFor(async () => expect(await isBrowseDone()).toBe(true))
})
