import Taro from '@tarojs/taro'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import type { Task } from '@/contract'
import { tasksQuery } from '@/features/membership/api/membership-queries'
import TasksPage from '@/packages/membership/tasks/index'
import { communityRoutes } from '@/features/community/lib/community-routes'
import { routes } from '@/lib/routes'
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

const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="task"]'))
const rowFor = (action: Task['action']) => {
  const row = rows().find((element) => element.getAttribute('data-action') === action)
  if (!row) throw new Error(`no task row for ${action}`)
  return row
}
const progressOf = (row: HTMLElement) => row.querySelector('[data-testid="task-progress"]')?.textContent

const WHERE_EACH_ACTION_GOES: Record<Exclude<Task['action'], 'invite'>, string> = {
  checkin: routes.home,
  post: communityRoutes.compose,
  comment: routes.community,
  browse_hot: routes.community,
  profile: routes.profile,
  redeem: routes.mall,
}

let switchTab: jest.SpyInstance
let navigateTo: jest.SpyInstance
beforeEach(() => {
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => {
  switchTab.mockRestore()
  navigateTo.mockRestore()
})

describe('TaskList on the task center page', () => {
  test('shows daily and one-time tasks with reward and progress exactly as the server has them', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    const server = ((await api.call('GET', '/tasks', { token })).json as { items: Task[] }).items
    renderWithApp(<TasksPage />)
    expect(screen.getByTestId('tasks-skeleton')).toBeTruthy()
    await screen.findByTestId('task-list')

    expect(screen.getByTestId('task-section-daily').textContent).toContain('每日任务')
    expect(screen.getByTestId('task-section-once').textContent).toContain('一次性任务')
    expect(rows()).toHaveLength(server.length)
    for (const task of server) {
      const section = screen
        .getByTestId(`task-section-${task.kind}`)
        .querySelectorAll<HTMLElement>('[data-testid="task"]')
      const row = Array.from(section).find((candidate) => candidate.textContent?.includes(task.title))
      if (!row) throw new Error(`no row for "${task.title}" in the ${task.kind} section`)
      expect(row.getAttribute('data-done')).toBe(String(task.isDone))
      expect(progressOf(row)).toBe(`${task.progress}/${task.target}`)
      if (task.rewardPoints > 0) expect(row.textContent).toContain(`+${task.rewardPoints} 积分`)
      if (task.rewardGrowth > 0) expect(row.textContent).toContain(`+${task.rewardGrowth} 成长值`)
    }
    // Sharing never pays (WeChat rule): no task rewards it.
    expect(server.some((task) => /分享|share/i.test(task.title))).toBe(false)
  })

  test('checking in makes the check-in task done: muted, a check mark, no button', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'streak-day6')
    const { queryClient } = renderWithApp(<TasksPage />)
    await screen.findByTestId('task-list')
    const before = rowFor('checkin')
    expect(before.getAttribute('data-done')).toBe('false')
    expect(progressOf(before)).toBe('0/1')
    expect(before.querySelector('[data-testid="task-action"]')?.textContent).toBe('去签到')

    const checkin = await api.call('POST', '/checkin', { token, idempotencyKey: 'task-list-checkin-0001' })
    expect(checkin.status).toBe(201)
    await act(() => queryClient.invalidateQueries({ queryKey: tasksQuery().queryKey }))

    await waitFor(() => expect(rowFor('checkin').getAttribute('data-done')).toBe('true'))
    const after = rowFor('checkin')
    expect(progressOf(after)).toBe('1/1')
    expect(after.querySelector('[data-testid="task-done"]')?.textContent).toBe('✓ 已完成')
    expect(after.className).toContain('task-row--done')
    expect(after.querySelector('[data-testid="task-action"]')).toBeNull()
  })

  test('each open task takes the member where it is done (a tab, or the composer for posting); self-reported ones too', async () => {
    const api = installInProcessApi()
    await signIn(api, 'new-member')
    renderWithApp(<TasksPage />)
    await screen.findByTestId('task-list')
    const open = rows().filter(
      (row) => row.getAttribute('data-done') === 'false' && row.getAttribute('data-action') !== 'invite',
    )
    expect(open.length).toBeGreaterThan(0)
    expect(open.some((row) => row.getAttribute('data-action') === 'post')).toBe(true)
    for (const row of open) {
      switchTab.mockClear()
      navigateTo.mockClear()
      tap(row, 'task-action')
      const action = row.getAttribute('data-action') as Exclude<Task['action'], 'invite'>
      const url = WHERE_EACH_ACTION_GOES[action]
      // Tabs are switched to; the composer is a page pushed on top.
      if (url.startsWith('/pages/')) expect(switchTab).toHaveBeenCalledWith({ url })
      else expect(navigateTo).toHaveBeenCalledWith({ url })
    }
    // Nothing is reported done from here: the server judges from what it saw.
    expect(api.sent.filter((call) => call.method === 'POST')).toHaveLength(0)
  })

  test('inviting needs a referral code: a member without distribution rights is sent to 我的 to get them', async () => {
    const api = installInProcessApi()
    await signIn(api, 'new-member')
    renderWithApp(<TasksPage />)
    await screen.findByTestId('task-list')
    const invite = rowFor('invite')
    await waitFor(() =>
      expect(invite.querySelector('[data-testid="task-action"]')?.getAttribute('aria-disabled')).not.toBe('true'),
    )
    const button = invite.querySelector<HTMLElement>('[data-testid="task-action"]')
    expect(button?.textContent).toBe('去开通')
    expect(invite.textContent).toContain('开通分销后邀请')
    fireEvent.click(button as HTMLElement)
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  test('a distributor goes from the invite task to the referral card', async () => {
    const api = installInProcessApi()
    const token = await signIn(api, 'new-member')
    // The operator's KOL invite code of the seed makes this member a distributor with no friend invited yet.
    await api.call('POST', '/distribution/apply?client=h5', {
      token,
      body: { route: 'invite_code', code: 'FANKOL2026' },
    })
    renderWithApp(<TasksPage />)
    await screen.findByTestId('task-list')
    const invite = rowFor('invite')
    await waitFor(() => expect(invite.querySelector('[data-testid="task-action"]')?.textContent).toBe('去邀请'))
    fireEvent.click(invite.querySelector('[data-testid="task-action"]') as HTMLElement)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/distribution/card/index' })
  })

  test('a 500 shows why with a retry that recovers', async () => {
    const api = installInProcessApi()
    await signIn(api, 'new-member')
    api.fail('GET', '/tasks', { kind: 'status', status: 500, body: '{"error":{"code":"INTERNAL","message":"down"}}' })
    const { container } = renderWithApp(<TasksPage />)
    expect((await screen.findByTestId('error-state')).textContent).toContain('服务开小差了，请稍后重试')
    tap(container, 'retry')
    await screen.findByTestId('task-list')
    expect(rows().length).toBeGreaterThan(0)
  })

  test('no tasks at all shows the empty state', async () => {
    const api = installInProcessApi()
    await signIn(api, 'new-member')
    api.fail('GET', '/tasks', { kind: 'status', status: 200, body: '{"items":[]}' })
    renderWithApp(<TasksPage />)
    expect((await screen.findByTestId('empty-state')).textContent).toContain('暂时没有任务')
  })

  test('a visitor is invited to sign in and no tasks are requested', async () => {
    const api = installInProcessApi()
    renderWithApp(<TasksPage />)
    expect(screen.getByTestId('sign-in-prompt')).toBeTruthy()
    await waitFor(() => expect(api.sent.some((call) => call.path.endsWith('/app/config'))).toBe(true))
    expect(api.sent.filter((call) => call.path.endsWith('/tasks'))).toHaveLength(0)
  })
})
