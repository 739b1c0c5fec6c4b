// mini.baseLevel (config/index.ts) sets how many levels of nesting base.wxml renders with its own templates; a
// deeper subtree is handed to Taro's recursive `comp` component. A low level keeps the main package small (every
// level repeats every template), so this checks that a page deeper than that level still renders and answers
// taps: the task center's rows are nested deeper than 8 levels.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(60_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

test('a page nested deeper than base.wxml renders whole through comp, and its deep buttons answer taps', async () => {
  const { token } = await server.persona('streak-day6')
  const tasks = await server.get<{ items: Array<{ title: string }> }>('/tasks', token)
  weapp = await launch({ token, entry: 'packages/membership/tasks/index' })
  await weapp.waitForText(tasks.items.at(-1)?.title ?? 'no task in the seed')
  expect(weapp.compInstances()).toBeGreaterThan(0)
  for (const task of tasks.items) expect(weapp.current().text()).toContain(task.title)

  await weapp.tap('去签到')
  expect(weapp.current().route).toBe('pages/home/index')
  expectHealthy(weapp)
})
