import { CheckinResult, TaskCompleted } from '../../src/contract/all'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  newKey,
  signInAsPersona,
  signUp,
} from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { checkIn, meOf, tasksOf, wholeLedger } from './support/membership'

const api = createApiClient()
lockMockClock(api)

const complete = (token: string, id: string, idempotencyKey = newKey()) =>
  api.request('POST', `/tasks/${id}/complete`, { token, idempotencyKey })

const taskBy = async (token: string, action: string, kind: 'daily' | 'once') => {
  const task = (await tasksOf(api, token)).find((candidate) => candidate.action === action && candidate.kind === kind)
  if (!task) throw new Error(`No ${kind} ${action} task`)
  return task
}

describe('GET /tasks', () => {
  it('lists daily tasks (check in, browse, post, comment) and one-time tasks (profile, first post, first redemption, invite)', async () => {
    const { token } = await signUp(api)
    const tasks = await tasksOf(api, token)
    expect(tasks.filter((task) => task.kind === 'daily').map((task) => task.action)).toEqual(
      expect.arrayContaining(['checkin', 'browse_hot', 'post', 'comment']),
    )
    expect(tasks.filter((task) => task.kind === 'once').map((task) => task.action)).toEqual(
      expect.arrayContaining(['profile', 'post', 'redeem', 'invite']),
    )
    // Daily first; nothing done by a member who has done nothing.
    const kinds = tasks.map((task) => task.kind)
    expect(kinds).toEqual([...kinds].sort())
    for (const task of tasks) expect(task).toMatchObject({ progress: 0, isDone: false })
    expect(tasks.filter((task) => task.isSelfReported).map((task) => task.action)).toEqual(['browse_hot'])
  })

  it('pays nothing for sharing: no task is about the act of sharing', async () => {
    const { token } = await signUp(api)
    for (const task of await tasksOf(api, token))
      expect(`${task.title}${task.description}`).not.toMatch(/分享|转发|share/i)
  })

  it('shows the check-in done after a check-in, with what it paid; the check-in itself is the reward', async () => {
    const { token } = await signUp(api)
    expect(await taskBy(token, 'checkin', 'daily')).toMatchObject({ progress: 0, isDone: false, rewardPoints: 5 })
    const result = expectShape(CheckinResult, (await checkIn(api, token)).body)
    expect(await taskBy(token, 'checkin', 'daily')).toMatchObject({
      progress: 1,
      target: 1,
      isDone: true,
      rewardPoints: result.pointsAwarded,
    })
    expect((await wholeLedger(api, token)).map((entry) => entry.type)).toEqual(['checkin'])
  })

  it('shows what the check-in paid with a plan’s check-in bonus, the same before and after checking in', async () => {
    const { token } = await signUp(api)
    const bought = await api.request('POST', '/memberships/purchase', {
      token,
      body: { planId: 'plan-advanced-monthly', client: 'weapp' },
      idempotencyKey: newKey(),
    })
    expect(bought.status).toBe(201)
    const promised = (await taskBy(token, 'checkin', 'daily')).rewardPoints
    const result = expectShape(CheckinResult, (await checkIn(api, token)).body)
    // The plan's bonus is its own ledger entry (a refund of the plan takes it back), but the member got both.
    expect(result.pointsAwarded).toBeGreaterThan(5)
    expect(result.pointsAwarded).toBe(promised)
    expect(await taskBy(token, 'checkin', 'daily')).toMatchObject({ isDone: true, rewardPoints: result.pointsAwarded })
  })

  it('judges the profile task from the profile: a chosen nickname and a birthday, paid once', async () => {
    const { token } = await signUp(api)
    const before = await taskBy(token, 'profile', 'once')
    expect(before).toMatchObject({ progress: 0, target: 2, isDone: false })
    await api.request('PATCH', '/me', { token, body: { nickname: '小橙子' } })
    expect(await taskBy(token, 'profile', 'once')).toMatchObject({ progress: 1, isDone: false })
    expect((await meOf(api, token)).pointsBalance).toBe(0)
    // Paid the moment the profile is complete: the answer to PATCH /me already shows it.
    const patched = await api.request('PATCH', '/me', { token, body: { birthday: '1996-05-20' } })
    expect((patched.body as { pointsBalance: number }).pointsBalance).toBe(before.rewardPoints)
    expect(await taskBy(token, 'profile', 'once')).toMatchObject({ progress: 2, isDone: true })
    await api.request('PATCH', '/me', { token, body: { nickname: '小橙子二号' } })
    const rewards = (await wholeLedger(api, token)).filter((entry) => entry.type === 'task')
    expect(rewards).toEqual([expect.objectContaining({ delta: before.rewardPoints, reason: '任务奖励：完善个人资料' })])
    expect((await meOf(api, token)).growth).toBe(before.rewardGrowth)
  })
})

describe('POST /tasks/{id}/complete', () => {
  it('completes a self-reported task once a day, paying its reward once', async () => {
    const { token } = await signUp(api)
    const task = await taskBy(token, 'browse_hot', 'daily')
    const key = newKey()
    const response = await complete(token, task.id, key)
    expect(response.status).toBe(200)
    const completed = expectShape(TaskCompleted, response.body)
    expect(completed).toMatchObject({ pointsAwarded: task.rewardPoints, pointsBalance: task.rewardPoints })
    expect(completed.task).toMatchObject({ id: task.id, progress: 1, isDone: true })
    // The same intent replays; another is refused.
    expect((await complete(token, task.id, key)).body).toEqual(response.body)
    const again = await complete(token, task.id)
    expect(expectError(again, 409, 'TASK_NOT_COMPLETABLE').error.details?.reason).toBe('already_done')
    expect((await meOf(api, token)).pointsBalance).toBe(task.rewardPoints)
    expect((await wholeLedger(api, token)).filter((entry) => entry.type === 'task')).toHaveLength(1)
  })

  it('completes it once even when many reports arrive at once', async () => {
    const { token } = await signUp(api)
    const task = await taskBy(token, 'browse_hot', 'daily')
    const responses = await Promise.all(Array.from({ length: 30 }, () => complete(token, task.id)))
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1)
    expect(responses.filter((response) => response.status === 409)).toHaveLength(29)
    expect((await meOf(api, token)).pointsBalance).toBe(task.rewardPoints)
  })

  it('refuses tasks the server judges itself, done or not: 409 TASK_NOT_COMPLETABLE', async () => {
    const { token } = await signUp(api)
    for (const task of (await tasksOf(api, token)).filter((candidate) => !candidate.isSelfReported)) {
      const response = await complete(token, task.id)
      expect(expectError(response, 409, 'TASK_NOT_COMPLETABLE').error.details?.reason).toBe('not_self_reported')
    }
    expect(await wholeLedger(api, token)).toEqual([])
  })

  it('answers 404 for a task that does not exist', async () => {
    const { token } = await signUp(api)
    expectError(await complete(token, 'no-such-task'), 404, 'NOT_FOUND')
  })
})

describeWithMockRoutes('tasks over days', () => {
  it('opens the daily self-reported task again the next business day', async () => {
    const { token } = await signUp(api)
    const task = await taskBy(token, 'browse_hot', 'daily')
    expect((await complete(token, task.id)).status).toBe(200)
    await advanceClock(api, { advanceDays: 1 })
    expect(await taskBy(token, 'browse_hot', 'daily')).toMatchObject({ progress: 0, isDone: false })
    expect((await complete(token, task.id)).status).toBe(200)
    expect((await meOf(api, token)).pointsBalance).toBe(task.rewardPoints * 2)
  })

  it('counts a friend who registers through a distributor’s referral, paying the invite task once ever', async () => {
    const kol = await signInAsPersona(api, 'kol-distributor')
    expect(await taskBy(kol.token, 'invite', 'once')).toMatchObject({ isDone: true })
    const balance = (await meOf(api, kol.token)).pointsBalance
    await signUp(api, { ref: 'LINA88' })
    expect((await meOf(api, kol.token)).pointsBalance).toBe(balance)
  })
})
