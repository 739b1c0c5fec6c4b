import { screen } from '@testing-library/react'
import { PointsOverview } from '@/features/membership/components/points-overview'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { renderWithApp } from '../../../support/render-app'

describe('PointsOverview', () => {
  test('growth and pending points read with thousands separators, like the balance above them', async () => {
    const api = installInProcessApi()
    await api.call('POST', '/__mock/clock', { body: { set: '2026-11-10T10:00:00+08:00' } })
    const { token } = (await api.call('POST', '/auth/phone', { body: { phone: '13700003650', smsCode: '123456' } }))
      .json as {
      token: string
    }
    await api.call('POST', '/__mock/grant', { token, body: { points: 2680, growth: 3650 }, idempotencyKey: 'grant-1' })
    // ¥1,234.00: 1,234 points pending for the refund window.
    const order = await api.call('POST', '/orders', {
      token,
      body: { productId: 'p-cleanser', quantity: 14 },
      idempotencyKey: 'order-1',
    })
    expect(order.status).toBe(201)
    const pending = (order.json as { points: number }).points
    expect(pending).toBeGreaterThanOrEqual(1000)
    useSession.getState().signedIn(token)

    renderWithApp(<PointsOverview />)
    expect((await screen.findByTestId('summary-balance')).textContent).toBe('2,680')
    const summary = screen.getByTestId('points-summary').textContent ?? ''
    expect(summary).toMatch(/成长值 \d,\d{3}/)
    expect(screen.getByTestId('points-pending').textContent).toMatch(/^\d,\d{3} 积分待到账/)
  })
})

describe('PointsOverview: when pending points become available', () => {
  // Ordered at 20:00, the points are released 7 days later at 20:00: "11-30 起可用" told a member at 09:00 on 11-30
  // that points were there which the server still held back.
  test('says the time as well as the day, and how many come first when not all come at once', async () => {
    const api = installInProcessApi()
    await api.call('POST', '/__mock/clock', { body: { set: '2026-11-23T20:00:00+08:00' } })
    const { token } = (await api.call('POST', '/auth/phone', { body: { phone: '13700003651', smsCode: '123456' } }))
      .json as { token: string }
    const order = (key: string) =>
      api.call('POST', '/orders', { token, body: { productId: 'p-serum' }, idempotencyKey: key })
    expect((await order('order-1')).status).toBe(201)
    useSession.getState().signedIn(token)
    const first = renderWithApp(<PointsOverview />)
    expect((await screen.findByTestId('points-pending')).textContent).toBe('199 积分待到账（11-30 20:00 起可用）')
    first.unmount()

    await api.call('POST', '/__mock/clock', { body: { set: '2026-11-23T21:30:00+08:00' } })
    expect((await order('order-2')).status).toBe(201)
    const second = renderWithApp(<PointsOverview />)
    expect((await screen.findByTestId('points-pending')).textContent).toBe(
      '398 积分待到账，其中 199 积分 11-30 20:00 起可用',
    )
    second.unmount()

    // What the server does at 09:00 that day: nothing released yet, as the page said.
    await api.call('POST', '/__mock/clock', { body: { set: '2026-11-30T09:00:00+08:00' } })
    expect((await api.call('GET', '/points/summary', { token })).json).toMatchObject({ balance: 0, pending: 398 })
  })
})
