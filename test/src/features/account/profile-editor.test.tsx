import Taro from '@tarojs/taro'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import type { Member, Task } from '@/contract'
import { meQuery } from '@/features/account/api/account-queries'
import { postsQuery } from '@/features/community/api/post-queries'
import ProfilePage from '@/packages/membership/profile/index'
import MePage from '@/pages/me/index'
import { routes } from '@/lib/routes'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

type Api = ReturnType<typeof installInProcessApi>

async function signIn(api: Api, persona: string): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

const serverMe = async (api: Api, token: string) => (await api.call('GET', '/me', { token })).json as Member
const profileTask = async (api: Api, token: string) => {
  const tasks = ((await api.call('GET', '/tasks', { token })).json as { items: Task[] }).items
  const task = tasks.find((item) => item.action === 'profile')
  if (!task) throw new Error('no profile task')
  return task
}
const patchCalls = (api: Api) => api.sent.filter((call) => call.method === 'PATCH' && call.path.endsWith('/me'))
const nicknameInput = async () => {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('[data-testid="nickname-input"] input')
    if (!found) throw new Error('no nickname input yet')
    return found
  })
  return input
}

let showToast: jest.SpyInstance
let navigateTo: jest.SpyInstance
beforeEach(() => {
  showToast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => {
  showToast.mockRestore()
  navigateTo.mockRestore()
})

describe('the profile page', () => {
  test('a new nickname is sent trimmed, updates the member everywhere and counts for the profile task', async () => {
    const showModal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    const before = await serverMe(api, token)
    expect((await profileTask(api, token)).progress).toBe(0)
    const { container, queryClient } = renderWithApp(<ProfilePage />)
    // The member's name as it is now, ready to edit; the birthday is set on the same page.
    await waitFor(async () => expect((await nicknameInput()).value).toBe(before.nickname))
    expect(await screen.findByTestId('set-birthday')).toBeTruthy()
    expect(screen.getByTestId('nickname-count').textContent).toBe(`${before.nickname.length}/20`)

    // The feed drew the member's posts with the old name, cached.
    queryClient.setQueryData(postsQuery('recommend').queryKey, { pages: [], pageParams: [] } as never)
    await typeInto(container, 'nickname-input', '  小林同学  ')
    tap(container, 'save-nickname')

    await waitFor(() => expect(patchCalls(api)).toHaveLength(1))
    expect(patchCalls(api)[0]?.body).toEqual({ nickname: '小林同学' })
    await waitFor(() => expect(queryClient.getQueryData<Member>(meQuery().queryKey)?.nickname).toBe('小林同学'))
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '昵称已保存' }))
    // ...and is read again, so the author line shows the new name.
    expect(queryClient.getQueryState(postsQuery('recommend').queryKey)?.isInvalidated).toBe(true)
    expect((await serverMe(api, token)).nickname).toBe('小林同学')
    // Counted by the server (the birthday is the other half).
    expect((await profileTask(api, token)).progress).toBe(1)
    expect(screen.queryByTestId('nickname-error')).toBeNull()

    // The birthday on the same page (set once, after a confirmation) completes the task.
    const picker = document.querySelector('[data-testid="birthday-picker"]')
    if (!picker) throw new Error('no birthday picker')
    act(() => {
      fireEvent.change(picker, { target: { value: '1990-05-01' } })
    })
    await waitFor(() => expect(patchCalls(api)).toHaveLength(2))
    expect(patchCalls(api)[1]?.body).toEqual({ birthday: '1990-05-01' })
    expect((await screen.findByTestId('birthday-date')).textContent).toBe('生日 1990-05-01')
    const task = await profileTask(api, token)
    expect([task.progress, task.isDone]).toEqual([2, true])
    showModal.mockRestore()
  })

  test.each([
    ['too long', '一二三四五六七八九十一二三四五六七八九十一', '昵称最多 20 个字'],
    ['a control character', 'Lina\u202Eevil', '昵称不能包含换行、制表符等特殊字符'],
    ['a tab', 'Li\tna', '昵称不能包含换行、制表符等特殊字符'],
    ['only spaces', '   ', '请填写昵称'],
  ])('a nickname that is %s is refused in Chinese before anything is sent', async (_case, typed, message) => {
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    const before = await serverMe(api, token)
    const { container, queryClient } = renderWithApp(<ProfilePage />)
    await waitFor(async () => expect((await nicknameInput()).value).toBe(before.nickname))

    await typeInto(container, 'nickname-input', typed)
    tap(container, 'save-nickname')

    expect((await screen.findByTestId('nickname-error')).textContent).toBe(message)
    expect(patchCalls(api)).toHaveLength(0)
    expect(showToast).not.toHaveBeenCalled()
    expect(queryClient.getQueryData<Member>(meQuery().queryKey)?.nickname).toBe(before.nickname)
    expect((await serverMe(api, token)).nickname).toBe(before.nickname)
    expect((await profileTask(api, token)).progress).toBe(0)
  })

  test("the server's refusal of a nickname is shown in the UI language, never as the server worded it", async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    const before = await serverMe(api, token)
    api.fail('PATCH', '/me', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid.',
          details: { fields: { nickname: 'Invalid length: Expected <=20 but received 24' } },
        },
      }),
    })
    const { container } = renderWithApp(<ProfilePage />)
    await waitFor(async () => expect((await nicknameInput()).value).toBe(before.nickname))

    await typeInto(container, 'nickname-input', '小林同学')
    tap(container, 'save-nickname')

    expect((await screen.findByTestId('nickname-error')).textContent).toBe('这个昵称不能使用，请换一个')
    expect(container.textContent).not.toContain('Invalid length')
    expect(screen.queryByTestId('profile-error')).toBeNull()
    expect(showToast).not.toHaveBeenCalled()
  })

  test('the same nickname again has nothing to save', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    const before = await serverMe(api, token)
    const { container } = renderWithApp(<ProfilePage />)
    await waitFor(async () => expect((await nicknameInput()).value).toBe(before.nickname))
    await typeInto(container, 'nickname-input', ` ${before.nickname} `)
    tap(container, 'save-nickname')
    expect(screen.getByTestId('save-nickname').getAttribute('aria-disabled')).toBe('true')
    expect(patchCalls(api)).toHaveLength(0)
  })

  test('a visitor is sent to sign in and comes back to this page', async () => {
    const api = installInProcessApi()
    renderWithApp(<ProfilePage />)
    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({
        url: `${routes.signIn}?returnTo=${encodeURIComponent('/packages/membership/profile/index')}`,
      }),
    )
    expect(screen.getByTestId('sign-in-prompt')).toBeTruthy()
    expect(screen.queryByTestId('profile-editor')).toBeNull()
    expect(api.sent.filter((call) => call.path.endsWith('/me'))).toHaveLength(0)
  })

  test('我的 has a way in', async () => {
    const api = installInProcessApi()
    await signIn(api, 'new-member')
    const { container } = renderWithApp(<MePage />)
    const entry = await screen.findByTestId('entry-profile')
    expect(entry.textContent).toContain('编辑资料')
    tap(container, 'entry-profile')
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/membership/profile/index' })
    // The API's address is the operator's business (the preview console shows it), not the member's.
    expect(container.textContent).not.toContain('/api/v1')
  })
})
