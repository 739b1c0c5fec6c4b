// The preview console in the mini-program as WeChat DevTools' simulator runs it against the mock: the build WITH the
// console (`npm run build:weapp-preview`, dist/weapp-preview; `npm test` runs this file with WEAPP_DIST pointing
// there). The production dist/weapp has no console (check:weapp), so this file is not run on it.
import { expectHealthy, launchWeapp, type Weapp } from '../support/weapp-harness'
import { startWeappServer, type WeappServer } from '../support/weapp-server'

jest.setTimeout(60_000)

// Its own frame rather than weappTestFile's: it adds nothing to test-results/weapp-setdata.json, which holds the
// production build's figures (and which the production files may be writing in a step running beside this one).
let server: WeappServer
let weapp: Weapp | undefined

beforeAll(async () => {
  server = await startWeappServer()
})
afterEach(() => weapp?.close())
afterAll(async () => server.close())

type Persona = { id: string; title: string }
type Clock = { now: string; today: string }

test('a visitor opens the console, becomes the day-6 persona and moves the clock a day; the page follows', async () => {
  const personas = await server.get<{ items: Persona[] }>('/__mock/personas')
  const streak = personas.items.find((persona) => persona.id === 'streak-day6')
  if (!streak) throw new Error('the seed has no streak-day6 persona')

  weapp = await launchWeapp({ apiBase: server.apiBase, entry: 'pages/home/index' })
  await weapp.waitForText('预览')
  await weapp.tap('预览')
  await weapp.waitForText('服务器时间')
  const before = await server.get<Clock>('/__mock/clock')

  await weapp.tap(streak.title)
  await weapp.waitForText(`${streak.title} · 当前`)
  // The page under the console is the persona's at once: day 6 of the streak is today's check-in.
  await weapp.waitForText('已连续签到 5 天')

  await weapp.tap('+1 天')
  await weapp.settle()
  const after = await server.get<Clock>('/__mock/clock')
  expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(24 * 3600 * 1000)
  expect(after.today).not.toBe(before.today)
  // Day 6 was missed: the streak starts over on the card, with no reload.
  await weapp.waitForText('今天签到，开启连签')
  expectHealthy(weapp)
})
