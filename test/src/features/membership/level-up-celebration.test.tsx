import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { levelsQuery } from '@/features/membership/api/membership-queries'
import { LevelUpCelebration } from '@/features/membership/components/level-up-celebration'
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

const celebratedCalls = (api: Api) =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/levels/celebrated'))

describe('LevelUpCelebration', () => {
  test('renders nothing for a visitor and asks nothing', () => {
    const api = installInProcessApi()
    const { container } = renderWithApp(<LevelUpCelebration />)
    expect(container.innerHTML).toBe('')
    expect(api.sent).toHaveLength(0)
  })

  test('renders nothing when there is no level-up to celebrate', async () => {
    const api = installInProcessApi()
    await signIn(api, 'streak-day6')
    const { queryClient } = renderWithApp(<LevelUpCelebration />)
    await waitFor(() => expect(queryClient.getQueryData(levelsQuery().queryKey)).toBeDefined())
    expect(queryClient.getQueryData(levelsQuery().queryKey)).toMatchObject({ uncelebratedLevel: null })
    expect(screen.queryByTestId('level-up-celebration')).toBeNull()
  })

  test('a grant that crosses into V3 is celebrated once: closing acknowledges it and it never comes back', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'streak-day6')
    const { queryClient, rerender } = renderWithApp(<LevelUpCelebration />)
    await waitFor(() => expect(queryClient.getQueryData(levelsQuery().queryKey)).toBeDefined())

    // 260 + 900 = 1160 growth: past V3's 1000.
    await api.call('POST', '/__mock/grant', { token, body: { growth: 900 }, idempotencyKey: 'grant-level-up-00001' })
    await act(() => queryClient.invalidateQueries({ queryKey: levelsQuery().queryKey }))

    const overlay = await screen.findByTestId('level-up-celebration')
    expect(screen.getByTestId('level-up-title').textContent).toBe('恭喜升级 V3 资深会员')
    // The new level's benefits, named by the server.
    expect(overlay.textContent).toContain('生日礼')
    expect(overlay.textContent).toContain('签到 1.2 倍积分')

    tap(overlay, 'level-up-close')
    expect(screen.queryByTestId('level-up-celebration')).toBeNull()
    await waitFor(() => expect(celebratedCalls(api)).toHaveLength(1))
    expect(celebratedCalls(api)[0]?.body).toEqual({ levelCode: 'V3' })
    await waitFor(async () =>
      expect((await api.call('GET', '/levels', { token })).json).toMatchObject({
        levelCode: 'V3',
        uncelebratedLevel: null,
      }),
    )

    // A refetch and a fresh mount (no memory of the close) bring nothing back.
    await act(() => queryClient.refetchQueries({ queryKey: levelsQuery().queryKey }))
    rerender(
      <QueryClientProvider client={queryClient}>
        <LevelUpCelebration key='mounted-again' />
      </QueryClientProvider>,
    )
    expect(screen.queryByTestId('level-up-celebration')).toBeNull()
    expect(celebratedCalls(api)).toHaveLength(1)
  })

  test('the acknowledgement is kept by the server: a fresh start does not celebrate again', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'streak-day6')
    await api.call('POST', '/__mock/grant', { token, body: { growth: 900 }, idempotencyKey: 'grant-level-up-00002' })
    const first = renderWithApp(<LevelUpCelebration />)
    tap(await screen.findByTestId('level-up-celebration'), 'level-up-close')
    await waitFor(() => expect(celebratedCalls(api)).toHaveLength(1))
    await waitFor(async () =>
      expect((await api.call('GET', '/levels', { token })).json).toMatchObject({ uncelebratedLevel: null }),
    )
    first.unmount()

    const second = renderWithApp(<LevelUpCelebration />)
    await waitFor(() => expect(second.queryClient.getQueryData(levelsQuery().queryKey)).toBeDefined())
    expect(screen.queryByTestId('level-up-celebration')).toBeNull()
  })

  test('when recording the close fails the overlay still goes away and no toast nags the member', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'streak-day6')
    await api.call('POST', '/__mock/grant', { token, body: { growth: 900 }, idempotencyKey: 'grant-level-up-00003' })
    api.fail('POST', '/levels/celebrated', {
      kind: 'status',
      status: 500,
      body: '{"error":{"code":"INTERNAL","message":"down"}}',
    })
    const toast = jest.spyOn(Taro, 'showToast')
    const { queryClient } = renderWithApp(<LevelUpCelebration />)
    tap(await screen.findByTestId('level-up-celebration'), 'level-up-close')
    expect(screen.queryByTestId('level-up-celebration')).toBeNull()
    await waitFor(() => expect(celebratedCalls(api)).toHaveLength(1))
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    expect(toast).not.toHaveBeenCalled()
    toast.mockRestore()
  })
})
