// The built mini-program (dist/weapp) with parts switched off (config `features`), as an operator's MOCK_CONFIG file
// would run it: the tab bar is fixed in app.json, so the community tab stays and says the part is closed; 我的 offers
// no way into community or distribution; a shared link into a closed part opens on the same calm state.
import { seedConfig } from '../../mock/seed/config'
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const config = seedConfig()
const { server, launch } = weappTestFile(__filename, {
  config: { ...config, features: { ...config.features, community: false, distribution: false } },
})
let weapp: Weapp | undefined

test('the community tab says 暂未开放, and 我的 offers no community or KOL entries while the mall stays', async () => {
  const { token } = await server.persona('kol-distributor')
  weapp = await launch({ token, entry: 'pages/community/index' })
  await weapp.waitForText('暂未开放')
  expect(weapp.current().text()).not.toContain('种草推荐')

  await weapp.open('/pages/me/index')
  await weapp.waitForText('我的兑换')
  await weapp.settle()
  const me = weapp.current().text()
  for (const entry of ['我的笔记', '发布笔记', '邀请卡', '我的佣金']) expect(me).not.toContain(entry)
  expectHealthy(weapp)
})

test('a shared link to a post or to the KOL card opens on 暂未开放, not an error', async () => {
  const { token } = await server.persona('kol-fan')
  for (const entry of ['packages/community/post/index?id=post-r1&ref=LINA88', 'packages/distribution/card/index']) {
    weapp = await launch({ token, entry })
    await weapp.waitForText('暂未开放')
    await weapp.settle()
    expect(weapp.current().text()).not.toContain('重试')
    weapp.close()
    weapp = undefined
  }
})
