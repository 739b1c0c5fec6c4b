// Making up a missed day on the built mini-program, as test/e2e/membership.test.ts does it on H5: the server's clock
// moves to the 5th of next month (days 1–4 missed), the member opens 签到日历 from 首页, taps the 4th, confirms the
// cost in WeChat's modal, and the server holds the made-up day, one make-up fewer and the points paid; 我的积分 shows
// the charge under 消耗.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Calendar = {
  today: string
  missedDates: string[]
  madeUpDates: string[]
  makeupsLeft: number
  makeupCostPoints: number
}

/** The calendar's cell for a day of the shown month (the data-testid of H5 is not kept on the mini-program). */
function dayCell(app: Weapp, dayOfMonth: number): Element {
  const cell = app
    .findAll('[class*="checkin-calendar__day--"]')
    .find((element) => (element.textContent ?? '').trim() === String(dayOfMonth))
  if (!cell) throw new Error(`the calendar has no cell for day ${dayOfMonth}: ${app.current().text()}`)
  return cell
}

test('move the clock into next month, make up a missed day from the calendar, and see the charge in 消耗', async () => {
  const { token } = await server.persona('streak-day6')
  const { today } = await server.get<Calendar>('/checkin/calendar', token)
  const [year, month] = today.split('-').map(Number) as [number, number]
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
  await server.post('/__mock/clock', { set: `${next}-05T10:00:00+08:00` }, token)
  const before = await server.get<Calendar>('/checkin/calendar', token)
  expect(before.today).toBe(`${next}-05`)
  expect(before.missedDates).toContain(`${next}-04`)
  expect(before.makeupsLeft).toBe(2)
  const balance = async () => (await server.get<{ pointsBalance: number }>('/me', token)).pointsBalance
  const points = await balance()

  weapp = await launch({ token, entry: 'pages/home/index' })
  await weapp.tap('签到日历 ›')
  expect(weapp.current().route).toBe('packages/membership/checkin-calendar/index')
  await weapp.waitForText('本月还可补签 2 次')
  const day = dayCell(weapp, 4)
  expect(day.getAttribute('class')).toContain('checkin-calendar__day--missed')

  await weapp.trigger(day, 'tap', { x: 0, y: 0 })
  // The modal named the day and the cost before anything was paid (WeChat's modal is confirmed here).
  expect(weapp.fake.toasts).toContain(
    `补签 ${next.slice(5)}-04 将消耗 ${before.makeupCostPoints} 积分，补签后连签不中断（本月还可补签 2 次）`,
  )
  await weapp.waitForText('本月还可补签 1 次')
  expect(dayCell(weapp, 4).getAttribute('class')).toContain('checkin-calendar__day--made-up')
  const after = await server.get<Calendar>('/checkin/calendar', token)
  expect(after.madeUpDates).toContain(`${next}-04`)
  expect(after.makeupsLeft).toBe(1)
  expect(await balance()).toBe(points - before.makeupCostPoints)
  weapp.close()

  // 我的积分 → 消耗: only charges, the make-up's among them.
  weapp = await launch({ token, entry: 'packages/membership/points/index' })
  await weapp.tap(/^消耗$/)
  const ledger = await server.get<{ items: Array<{ delta: number; reason: string }> }>(
    '/points/ledger?direction=spent',
    token,
  )
  const makeup = ledger.items.find((entry) => entry.reason.includes('补签'))
  expect(makeup?.delta).toBe(-before.makeupCostPoints)
  await weapp.waitForText(makeup?.reason ?? '补签')
  const deltas = weapp.findAll('[class*="ledger-row__delta"]').map((node) => (node.textContent ?? '').trim())
  expect(deltas.length).toBeGreaterThan(0)
  expect(deltas.every((delta) => delta.startsWith('−'))).toBe(true)
  expectHealthy(weapp)
})
