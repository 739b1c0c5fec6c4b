import { DistributionStatus, Me } from './support/distribution-schemas'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { SEED_INVITE_CODE } from './support/distribution'
import { checkIn, grant } from './support/membership'

const api = createApiClient()
// The task's streak and the application's review run on the mock clock.
lockMockClock(api)

const statusOf = async (token: string) =>
  expectShape(DistributionStatus, (await api.request('GET', '/distribution/status?client=h5', { token })).body)

const apply = (token: string, body: unknown) => api.request('POST', '/distribution/apply', { token, body })

const refusalOf = async (token: string, body: unknown) =>
  expectError(await apply(token, body), 409, 'DISTRIBUTION_NOT_ALLOWED').error.details?.reason

describe('getting distribution rights', () => {
  it('a new member sees every route, is not a distributor, and has no card', async () => {
    const { token } = await signUp(api)
    expect(await statusOf(token)).toMatchObject({
      isDistributor: false,
      referralCode: null,
      grantedBy: null,
      inviteCode: { isOpen: true },
      task: { isOpen: true, streak: { current: 0, target: 7 }, level: { current: 'V1', target: 'V3' }, isMet: false },
      application: { isOpen: true, state: 'none', appliedAt: null, decidesAt: null },
    })
  })

  it("an operator's invite code (any case) makes a distributor with a referral code; a wrong one changes nothing", async () => {
    const { token } = await signUp(api)
    expect(await refusalOf(token, { route: 'invite_code', code: 'NOT-A-CODE' })).toBe('code_invalid')
    expect((await statusOf(token)).isDistributor).toBe(false)
    const response = await apply(token, { route: 'invite_code', code: SEED_INVITE_CODE.toLowerCase() })
    expect(response.status).toBe(200)
    const status = expectShape(DistributionStatus, response.body)
    expect(status).toMatchObject({ isDistributor: true, grantedBy: 'invite_code' })
    expect(status.referralCode).toMatch(/^[A-Z2-9]{6}$/)
    const me = expectShape(Me, (await api.request('GET', '/me', { token })).body)
    expect(me).toMatchObject({ isDistributor: true, referralCode: status.referralCode })
    expect(await refusalOf(token, { route: 'task' })).toBe('already_distributor')
  })

  it('an invite code with a few uses is used up', async () => {
    const members = await Promise.all(Array.from({ length: 5 }, () => signUp(api)))
    const responses = await Promise.all(
      members.map(({ token }) => apply(token, { route: 'invite_code', code: 'LINA-VIP' })),
    )
    expect(responses.filter((response) => response.status === 200)).toHaveLength(3)
    for (const response of responses.filter((candidate) => candidate.status !== 200))
      expect(expectError(response, 409, 'DISTRIBUTION_NOT_ALLOWED').error.details?.reason).toBe('code_invalid')
  })

  it('the application is reviewed: pending until the delay passes, then approved', async () => {
    const { token } = await signUp(api)
    const response = await apply(token, { route: 'application', note: '我是美妆博主，想分享好物' })
    expect(response.status).toBe(200)
    const pending = expectShape(DistributionStatus, response.body)
    expect(pending).toMatchObject({ isDistributor: false, application: { state: 'pending' } })
    expect(Date.parse(pending.application.decidesAt ?? '') - Date.parse(pending.application.appliedAt ?? '')).toBe(
      30 * 60 * 1000,
    )
    expect(await refusalOf(token, { route: 'application' })).toBe('application_pending')
    await advanceClock(api, { advanceHours: 1 })
    expect(await statusOf(token)).toMatchObject({
      isDistributor: true,
      grantedBy: 'application',
      application: { state: 'approved', decidesAt: null },
    })
  })
})

describeWithMockRoutes('the task route: a 7-day check-in streak and level V3', () => {
  it('shows live progress and grants the right once both are met', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { growth: 1000 })
    for (let day = 1; day <= 6; day += 1) {
      expect((await checkIn(api, token)).status).toBe(201)
      expect((await statusOf(token)).task.streak.current).toBe(day)
      await advanceClock(api, { advanceDays: 1 })
    }
    expect((await statusOf(token)).task).toMatchObject({ level: { current: 'V3' }, isMet: false })
    expect(await refusalOf(token, { route: 'task' })).toBe('task_not_met')
    await checkIn(api, token)
    expect((await statusOf(token)).task).toMatchObject({ streak: { current: 7 }, isMet: true })
    const response = await apply(token, { route: 'task' })
    expect(response.status).toBe(200)
    expect(expectShape(DistributionStatus, response.body)).toMatchObject({ isDistributor: true, grantedBy: 'task' })
  })
})
