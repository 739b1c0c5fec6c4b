// Sessions and the UI language on the built mini-program, as test/e2e/member-sign-in.test.ts has them on H5: a session
// the server no longer knows (a logout on another phone, an expiry) makes the next read answer 401, the app forgets
// the token and opens sign-in with the page the member was going to, and signing in there brings them back to it;
// 我的 -> English turns the page and the native tab bar (wx.setTabBarItem) to English, the choice outlives a
// restart, and 简体中文 turns both back.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

test('a dead session sends the member to sign-in and back to the tab they opened', async () => {
  const { token, member } = await server.persona('kol-distributor')
  weapp = await launch({ token, entry: 'pages/mall/index' })
  await weapp.waitForText('我的积分')

  const logout = await fetch(`${server.apiBase}/auth/logout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
  expect(logout.status).toBe(200)

  await weapp.open('pages/me/index')
  await weapp.waitForText('微信一键登录')
  expect(weapp.current()).toMatchObject({
    route: 'packages/auth/sign-in/index',
    query: { returnTo: '/pages/me/index' },
  })
  // The dead token is gone from storage: a restart would not send it again.
  expect(String(weapp.fake.storage.get('fanloop.session'))).not.toContain(token)

  await weapp.tap('微信一键登录')
  await weapp.waitForText('退出登录')
  expect(weapp.current().route).toBe('pages/me/index')
  // A WeChat sign-in on this phone is a member of its own, not the one whose session died.
  expect(weapp.current().text()).not.toContain(member.nickname)
  expectHealthy(weapp)
})

test('English from 我的: the page and the tab bar switch, a restart keeps it, and 简体中文 switches back', async () => {
  const { token } = await server.persona('kol-distributor')
  weapp = await launch({ token, entry: 'pages/me/index' })
  await weapp.waitForText('语言')
  expect(weapp.fake.tabBarTexts).toEqual(['首页', '社区', '积分商城', '我的'])

  await weapp.tap('English')
  await weapp.waitForText('Language')
  await weapp.waitForText('Edit profile')
  expect(weapp.current().text()).not.toContain('编辑资料')
  expect(weapp.fake.tabBarTexts).toEqual(['Home', 'Community', 'Mall', 'Me'])
  const storage = weapp.fake.storage
  expectHealthy(weapp)
  weapp.close()

  // A restart on the same phone (its storage kept) opens in English.
  weapp = await launch({ token, entry: 'pages/me/index', storage })
  await weapp.waitForText('Language')
  expect(weapp.fake.tabBarTexts).toEqual(['Home', 'Community', 'Mall', 'Me'])

  await weapp.tap('简体中文')
  await weapp.waitForText('编辑资料')
  expect(weapp.fake.tabBarTexts).toEqual(['首页', '社区', '积分商城', '我的'])
  expectHealthy(weapp)
})
