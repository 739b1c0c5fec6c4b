// A physical gift on the built mini-program, as test/e2e/mall.test.ts does it on H5: a member with no address
// adds one inside the redeem sheet (WeChat's region picker), redeems, opens the redemption from the result, cancels
// it, and gets the points back, with the refund in the ledger. Each step ends on what the server holds.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Redemption = {
  id: string
  giftId: string
  status: string
  pointsSpent: number
  address: { name: string; phone: string; region: string[]; detail: string } | null
}
type LedgerEntry = { delta: number; reason: string }

test('redeem a physical gift with a new address, cancel it, and see the points come back', async () => {
  const { token } = await server.persona('new-member')
  await server.post('/__mock/grant', { points: 2000 }, token)
  const gift = await server.get<{ id: string; name: string; pointsCost: number; kind: string }>('/gifts/gift-tote')
  expect(gift.kind).toBe('physical')
  expect((await server.get<{ items: unknown[] }>('/addresses', token)).items).toEqual([])
  const balance = async () => (await server.get<{ pointsBalance: number }>('/me', token)).pointsBalance
  const before = await balance()

  weapp = await launch({ token, entry: `packages/mall/gift/index?id=${gift.id}` })
  await weapp.waitForText(gift.name)
  await weapp.tap('立即兑换')

  // No address yet: the sheet adds one in place. Saving it empty says what is missing and sends nothing.
  await weapp.tap('添加第一个收货地址')
  await weapp.tap(/^保存$/)
  await weapp.waitForText('请填写收货人（1 到 20 个字）')
  expect(
    weapp.fake.requests.filter((request) => request.url.endsWith('/addresses') && request.method === 'POST'),
  ).toEqual([])
  await weapp.type(0, '王小明')
  await weapp.type(1, '13812345678')
  const [picker] = weapp.findAll('wx-picker')
  if (!picker) throw new Error('the address form in the redeem sheet has no region picker')
  await weapp.trigger(picker, 'change', {
    value: ['上海市', '上海市', '徐汇区'],
    code: ['310000', '310100', '310104'],
    postcode: '200030',
  })
  await weapp.type(2, '漕溪北路 88 号 6 楼')
  await weapp.tap(/^保存$/)
  // The new address is chosen for this redemption: confirming is open now.
  await weapp.waitForText('上海市 上海市 徐汇区 漕溪北路 88 号 6 楼')

  await weapp.tap('确认兑换')
  expect(weapp.current().route).toBe('packages/mall/redeem-result/index')
  await weapp.waitForText('兑换成功，我们会尽快为你发货')
  const redemptionId = weapp.current().query.id ?? ''
  const redeemed = await server.get<Redemption>(`/redemptions/${redemptionId}`, token)
  expect(redeemed).toMatchObject({
    giftId: gift.id,
    status: 'pending_shipment',
    pointsSpent: gift.pointsCost,
    address: {
      name: '王小明',
      phone: '13812345678',
      region: ['上海市', '上海市', '徐汇区'],
      detail: '漕溪北路 88 号 6 楼',
    },
  })
  expect(await balance()).toBe(before - gift.pointsCost)

  // The result's way to the redemption, then cancelling it (WeChat's modal is confirmed).
  await weapp.tap('查看兑换详情')
  expect(weapp.current().route).toBe('packages/mall/redemption/index')
  await weapp.waitForText('漕溪北路 88 号 6 楼')
  await weapp.waitForText('待发货')
  await weapp.tap('取消兑换')
  expect(weapp.fake.toasts).toContain(`取消后 ${gift.pointsCost} 积分将退回你的账户`)
  await weapp.waitForText('已取消')
  expect(weapp.fake.toasts).toContain(`已取消，${gift.pointsCost} 积分已退回`)
  expect(weapp.current().text()).not.toContain('取消兑换')
  expect((await server.get<Redemption>(`/redemptions/${redemptionId}`, token)).status).toBe('cancelled')
  expect(await balance()).toBe(before)

  // The refund is in the ledger the member reads, as the server wrote it.
  const ledger = await server.get<{ items: LedgerEntry[] }>('/points/ledger', token)
  const refund = ledger.items.find((entry) => entry.reason.startsWith('取消兑换'))
  expect(refund?.delta).toBe(gift.pointsCost)
  await weapp.open('packages/membership/points/index')
  await weapp.waitForText(refund?.reason ?? '取消兑换')
  expectHealthy(weapp)
})
