import fc from 'fast-check'
import { CommissionPage, DistributionOverview, Order, WithdrawalPage } from './support/distribution-schemas'
import type { ApiResponse } from './support/client'
import { createApiClient, describeWithMockRoutes, expectShape, signUp } from './support/client'
import { advanceClock, lockMockClock, readClock } from './support/clock'
import { becomeDistributor, orderRequest, refund, withdraw } from './support/distribution'

// Random histories of orders through a KOL's link, refunds (some several at once), withdrawals and clock moves,
// driven through the API. After every step: pending + settled + reversed commission is 10% of the orders' amounts,
// a commission is reversed exactly when its order was refunded (none is ever paid on a refunded order), states
// follow the settle dates by the server's clock, and what was withdrawn (requested or paid) never exceeds what
// settled.

const api = createApiClient()
lockMockClock(api)

/** Modest, so the file stays quick on 2 cores; FC_NUM_RUNS=100 for a longer hunt. */
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 6)
const PRODUCTS = ['p-cleanser', 'p-serum', 'p-sunscreen', 'p-giftbox'] as const

type Command =
  | { kind: 'order'; fan: number; product: number; quantity: number }
  | { kind: 'refund'; pick: number; atOnce: number }
  | { kind: 'withdraw'; amountFen: number }
  | { kind: 'hours'; hours: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      fan: fc.integer({ min: 0, max: 1 }),
      product: fc.integer({ min: 0, max: PRODUCTS.length - 1 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(),
      atOnce: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('withdraw' as const),
      amountFen: fc.oneof(fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 1000, max: 20000 })),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 1, max: 120 }) }) },
)

const ok = <T>(response: ApiResponse, status: number, parse: (body: unknown) => T): T => {
  if (response.status !== status) throw new Error(`Expected ${status}, got ${response.status}: ${response.text}`)
  return parse(response.body)
}

describeWithMockRoutes('commission and withdrawals over random histories', () => {
  it('keep their sums, their reversals and their limits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 3, maxLength: 12 }), async (commands) => {
        const kol = await signUp(api)
        const code = await becomeDistributor(api, kol.token)
        const fans = [await signUp(api, { ref: code }), await signUp(api)]
        const orders: { id: string; amountFen: number; isRefunded: boolean }[] = []

        for (const step of commands) {
          if (step.kind === 'order') {
            const fan = fans[step.fan] ?? fans[0]
            const order = ok(
              await orderRequest(api, fan?.token ?? '', {
                productId: PRODUCTS[step.product] ?? 'p-serum',
                quantity: step.quantity,
                ref: code,
              }),
              201,
              (body) => expectShape(Order, body),
            )
            orders.push({ id: order.id, amountFen: order.amountFen, isRefunded: false })
          } else if (step.kind === 'refund' && orders.length > 0) {
            const order = orders[step.pick % orders.length]
            // The order belongs to one of the two fans: try each (the other's answer is 404).
            const responses = (
              await Promise.all(
                fans.map((fan) =>
                  Promise.all(Array.from({ length: step.atOnce }, () => refund(api, fan.token, order?.id ?? ''))),
                ),
              )
            ).flat()
            const refunded = responses.filter((response) => response.status === 200)
            expect(refunded.length).toBeLessThanOrEqual(1)
            for (const response of responses.filter((candidate) => candidate.status !== 200))
              expect([404, 409]).toContain(response.status)
            if (refunded.length === 1 && order) {
              expect(order.isRefunded).toBe(false)
              order.isRefunded = true
            }
          } else if (step.kind === 'withdraw') {
            const response = await withdraw(api, kol.token, step.amountFen)
            expect([201, 409]).toContain(response.status)
          } else if (step.kind === 'hours') {
            await advanceClock(api, { advanceHours: step.hours })
          }

          // Invariants, read back from the API.
          const now = Date.parse((await readClock(api)).now)
          const commissions = expectShape(
            CommissionPage,
            (await api.request('GET', '/distribution/commissions?limit=50', { token: kol.token })).body,
          ).items
          expect(commissions).toHaveLength(orders.length)
          const total = commissions.reduce((sum, item) => sum + item.amountFen, 0)
          expect(total).toBe(orders.reduce((sum, order) => sum + Math.floor(order.amountFen / 10), 0))
          for (const order of orders) {
            const commission = commissions.find((item) => item.orderId === order.id)
            expect(commission?.amountFen).toBe(Math.floor(order.amountFen / 10))
            // No commission is ever paid (settled) on a refunded order, and only a refund reverses one.
            expect(commission?.status === 'reversed').toBe(order.isRefunded)
            if (!order.isRefunded)
              expect(commission?.status).toBe(now >= Date.parse(commission?.settlesAt ?? '') ? 'settled' : 'pending')
          }
          const overview = expectShape(
            DistributionOverview,
            (await api.request('GET', '/distribution/overview', { token: kol.token })).body,
          ).commission
          expect(overview.pendingFen + overview.settledFen + overview.reversedFen).toBe(total)
          const withdrawals = expectShape(
            WithdrawalPage,
            (await api.request('GET', '/distribution/withdrawals?limit=50', { token: kol.token })).body,
          ).items
          const withdrawn = withdrawals
            .filter((item) => item.status !== 'rejected')
            .reduce((sum, item) => sum + item.amountFen, 0)
          expect(withdrawn).toBe(overview.withdrawingFen + overview.withdrawnFen)
          expect(withdrawn).toBeLessThanOrEqual(overview.settledFen)
          expect(withdrawals.filter((item) => item.status === 'requested').length).toBeLessThanOrEqual(1)
          expect(overview.withdrawableFen).toBe(overview.settledFen - withdrawn)
        }
      }),
      { numRuns: NUM_RUNS },
    )
  }, 300_000)
})
