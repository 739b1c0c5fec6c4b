import { act, screen, waitFor } from '@testing-library/react'
import { GiftList } from '@/features/mall/components/gift-list'
import { REQUEST_TIMEOUT_MS } from '@/lib/env'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'


describe('GiftList under faults', () => {
  test('loads the seeded gifts behind a skeleton', async () => {
    installInProcessApi()
    const { container } = renderWithApp(<GiftList />)
    expect(screen.getByTestId('skeleton')).toBeTruthy()
    await waitFor(() => expect(container.querySelectorAll('[data-testid="gift-card"]').length).toBeGreaterThan(0))
    expect(screen.queryByTestId('skeleton')).toBeNull()
  })

  test.each([
    ['a 500', { kind: 'status', status: 500, body: '{"error":{"code":"INTERNAL","message":"down"}}' }, '服务开小差了，请稍后重试'],
    ['a malformed body', { kind: 'status', status: 200, body: '{"items":"nope"}' }, '数据异常，请稍后重试'],
    ['no network', { kind: 'network' }, '网络不太好，请检查网络后重试'],
  ] as const)('%s shows a clear message and a retry that recovers', async (_, fault, message) => {
    const api = installInProcessApi()
    api.fail('GET', '/gifts', fault)
    const { container } = renderWithApp(<GiftList />)
    const errorState = await screen.findByTestId('error-state')
    expect(errorState.textContent).toContain(message)
    expect(container.querySelectorAll('[data-testid="gift-card"]')).toHaveLength(0)

    tap(container, 'retry')
    await waitFor(() => expect(container.querySelectorAll('[data-testid="gift-card"]').length).toBeGreaterThan(0))
    expect(screen.queryByTestId('error-state')).toBeNull()
  })

  test('no answer within the request timeout shows the timeout message and a retry that recovers', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      const api = installInProcessApi()
      api.fail('GET', '/gifts', { kind: 'hang' })
      const { container } = renderWithApp(<GiftList />)
      await act(() => jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 10))
      expect(screen.getByTestId('error-state').textContent).toContain('请求超时了，请稍后重试')
      tap(container, 'retry')
      await act(() => jest.advanceTimersByTimeAsync(100))
      expect(container.querySelectorAll('[data-testid="gift-card"]').length).toBeGreaterThan(0)
    } finally {
      jest.useRealTimers()
    }
  })

  test('a filter that matches nothing shows the empty state', async () => {
    installInProcessApi()
    renderWithApp(<GiftList filter={{ category: 'no-such-category' }} />)
    expect((await screen.findByTestId('empty-state')).textContent).toContain('暂时没有可兑换的礼品')
  })
})
