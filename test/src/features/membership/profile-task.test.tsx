import Taro from '@tarojs/taro'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import TasksPage from '@/packages/membership/tasks/index'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { renderWithApp } from '../../../support/render-app'

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

// 我的 has no nickname field: the profile task's button must open the page where both halves can be done.
test("完善个人资料's 去完善 opens the profile page", async () => {
  const api = installInProcessApi()
  const { token } = await api.signInPersona('new-member')
  useSession.getState().signedIn(token)
  renderWithApp(<TasksPage />)
  await screen.findByTestId('task-list')
  const row = document.querySelector<HTMLElement>('[data-testid="task"][data-action="profile"]')
  if (!row) throw new Error('no profile task')
  const button = row.querySelector('[data-testid="task-action"]')
  if (!button) throw new Error('the profile task has no button')
  expect(button.textContent).toBe('去完善')

  fireEvent.click(button)
  await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/membership/profile/index' }))
  expect(switchTab).not.toHaveBeenCalled()
})
