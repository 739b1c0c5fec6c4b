import { WithdrawalPage } from './support/distribution-schemas'
import { createApiClient, expectError, expectShape, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { becomeDistributor, buy, overviewOf, withdraw, withdrawOk } from './support/distribution'

const api = createApiClient()
// Commission settles, and the mock payout pays, by the mock clock.
lockMockClock(api)

/** A KOL whose fan bought two gift boxes (2 x ¥299): ¥59.80 of commission, settled 7 days later. */
const kolWithSettled = async () => {
  const kol = await signUp(api)
  const code = await becomeDistributor(api, kol.token)
  const fan = await signUp(api, { ref: code })
  await buy(api, fan.token, { productId: 'p-giftbox', quantity: 2, ref: code })
  return kol
}

const withdrawalsOf = async (token: string) =>
  expectShape(WithdrawalPage, (await api.request('GET', '/distribution/withdrawals', { token })).body).items

const reasonOf = (response: Awaited<ReturnType<typeof withdraw>>) =>
  expectError(response, 409, 'WITHDRAWAL_NOT_ALLOWED').error.details?.reason

describe('withdrawals of settled commission', () => {
  let kols: Awaited<ReturnType<typeof kolWithSettled>>[] = []
  beforeAll(async () => {
    kols = await Promise.all(Array.from({ length: 4 }, kolWithSettled))
    // Pending commission is not withdrawable: refused before the clock moves.
    expect(reasonOf(await withdraw(api, kols[0]?.token ?? '', 1000))).toBe('above_withdrawable')
    await advanceClock(api, { advanceDays: 7 })
  }, 60_000)

  it('refuses below ¥10, above the settled amount, and a second pending request; history goes requested → paid', async () => {
    const { token } = kols[0] ?? { token: '' }
    expect((await overviewOf(api, token)).commission).toMatchObject({ settledFen: 5980, withdrawableFen: 5980 })
    expect(reasonOf(await withdraw(api, token, 999))).toBe('below_minimum')
    expect(reasonOf(await withdraw(api, token, 5981))).toBe('above_withdrawable')
    const first = await withdrawOk(api, token, 1000)
    expect(first).toMatchObject({ amountFen: 1000, status: 'requested', decidedAt: null })
    expect(reasonOf(await withdraw(api, token, 1000))).toBe('pending_exists')
    expect((await overviewOf(api, token)).commission).toMatchObject({ withdrawingFen: 1000, withdrawableFen: 4980 })
    // Refusals changed nothing.
    expect((await withdrawalsOf(token)).map((item) => item.id)).toEqual([first.id])

    await advanceClock(api, { advanceDays: 1 })
    const [paid] = await withdrawalsOf(token)
    expect(paid).toMatchObject({ id: first.id, status: 'paid' })
    expect(paid?.decidedAt).not.toBeNull()
    expect((await overviewOf(api, token)).commission).toMatchObject({
      withdrawingFen: 0,
      withdrawnFen: 1000,
      withdrawableFen: 4980,
    })
    // Paid: the next request may go, never above what is left.
    expect(reasonOf(await withdraw(api, token, 4981))).toBe('above_withdrawable')
    await withdrawOk(api, token, 4980)
  })

  it('20 requests at once (different keys) make one pending request', async () => {
    const { token } = kols[1] ?? { token: '' }
    const responses = await Promise.all(Array.from({ length: 20 }, () => withdraw(api, token, 1000)))
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1)
    for (const response of responses.filter((candidate) => candidate.status !== 201))
      expect(reasonOf(response)).toBe('pending_exists')
    expect(await withdrawalsOf(token)).toHaveLength(1)
  })

  it('requests at once never take more than the settled amount', async () => {
    const { token } = kols[2] ?? { token: '' }
    const responses = await Promise.all([5980, 3000, 4000, 5000, 2000].map((amount) => withdraw(api, token, amount)))
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1)
    const total = (await withdrawalsOf(token)).reduce((sum, item) => sum + item.amountFen, 0)
    expect(total).toBeLessThanOrEqual(5980)
  })

  it('a member who is not a distributor cannot withdraw', async () => {
    const member = await signUp(api)
    expectError(await withdraw(api, member.token, 1000), 403, 'NOT_DISTRIBUTOR')
    expect(await withdrawalsOf(member.token)).toEqual([])
  })
})
