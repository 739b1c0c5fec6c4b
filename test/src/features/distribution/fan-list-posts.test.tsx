import Taro from '@tarojs/taro'
import { fireEvent, screen, within } from '@testing-library/react'
import type { Arrival, Fan } from '@/contract/kol'
import { FanList } from '@/features/distribution/components/fan-list'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { renderWithApp } from '../../../support/render-app'

// 我的粉丝: each fan's avatar (or their initial), and for a fan through a 分享赚 post, which post: its first words,
// opening it, or 笔记已删除 when the KOL has deleted it since.

const LONG = { timeout: 8000 }

let navigateTo: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => navigateTo.mockRestore())

test('names the post that brought a fan and opens it; a deleted post says so; avatars or initials', async () => {
  const api = installInProcessApi()
  const { token } = await api.signInPersona('kol-distributor')
  const code = ((await api.call('GET', '/distribution/overview', { token })).json.referralCode as string) ?? ''
  const publish = async (text: string, key: string) =>
    (await api.call('POST', '/posts', { token, body: { text, productId: 'p-serum' }, idempotencyKey: key })).json
      .id as string
  const live = await publish('夏天的防晒精华，油皮亲测不闷痘，回购第三瓶', 'fan-list-post-live')
  const gone = await publish('旧的分享', 'fan-list-post-gone')
  const signUpFrom = async (phone: string, postId: string) =>
    (
      (
        await api.call('POST', '/auth/phone', {
          body: { phone, smsCode: '123456', ref: code, refSource: 'post', refPostId: postId },
        })
      ).json.member as { id: string }
    ).id
  const throughLive = await signUpFrom('13977770001', live)
  const throughGone = await signUpFrom('13977770002', gone)
  await api.call('DELETE', `/posts/${gone}`, { token, idempotencyKey: 'fan-list-post-delete' })

  useSession.getState().signedIn(token)
  renderWithApp(<FanList />)

  const liveRow = await screen.findByTestId(`fan-${throughLive}`, {}, LONG)
  const livePost = within(liveRow).getByTestId('fan-post')
  expect(livePost.textContent).toBe('来自笔记夏天的防晒精华，油皮亲测不闷痘，回购第三…')
  fireEvent.click(livePost)
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/community/post/index?id=${encodeURIComponent(live)}` })

  navigateTo.mockClear()
  const goneRow = screen.getByTestId(`fan-${throughGone}`)
  const gonePost = within(goneRow).getByTestId('fan-post')
  expect(gonePost.textContent).toBe('来自笔记笔记已删除')
  fireEvent.click(gonePost)
  expect(navigateTo).not.toHaveBeenCalled()

  // Fans through anything but a post name none; each fan shows their avatar, or their nickname's first character.
  const fans = (await api.call('GET', '/distribution/fans?limit=50', { token })).json.items as Fan[]
  const withAvatar = fans.find((fan) => fan.member.avatarUrl !== '')
  const withoutAvatar = fans.find((fan) => fan.member.avatarUrl === '')
  if (!withAvatar || !withoutAvatar) throw new Error('the seed gives Lina fans with and without an avatar')
  for (const fan of fans) {
    const row = await screen.findByTestId(`fan-${fan.member.id}`, {}, LONG)
    if (fan.post === null) expect(within(row).queryByTestId('fan-post')).toBeNull()
  }
  const avatarRow = screen.getByTestId(`fan-${withAvatar.member.id}`)
  expect(avatarRow.querySelector('img')?.getAttribute('src')).toBe(withAvatar.member.avatarUrl)
  const initialRow = screen.getByTestId(`fan-${withoutAvatar.member.id}`)
  expect(within(initialRow).getByTestId('member-initial').textContent).toBe(withoutAvatar.member.nickname.slice(0, 1))
  expect(initialRow.querySelector('img')).toBeNull()

  // The arrivals that did not bind show their member the same way (the seed's is Lina through her own code).
  const arrivals = (await api.call('GET', '/distribution/arrivals?limit=50', { token })).json.items as Arrival[]
  const arrival = arrivals[0]
  if (!arrival) throw new Error('the seed gives Lina an arrival that did not bind')
  const arrivalRow = await screen.findByTestId(`arrival-${arrival.id}`, {}, LONG)
  if (arrival.member.avatarUrl)
    expect(arrivalRow.querySelector('img')?.getAttribute('src')).toBe(arrival.member.avatarUrl)
  else expect(within(arrivalRow).getByTestId('member-initial').textContent).toBe(arrival.member.nickname.slice(0, 1))
})
