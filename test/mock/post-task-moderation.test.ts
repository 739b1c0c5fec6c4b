import * as v from 'valibot'
import { SignedIn, TaskList } from '../../src/contract/all'
import { DEFAULT_SETTINGS } from '../../mock/platform/settings'
import { apiCaller, createTestApp } from '../support/test-server'

// The posting tasks and the operator's review (domain-rules.md: Tasks, completion decided by the server from what it
// saw; Points, a ledger entry is never undone). A post counts towards a task while it stands: published (deleted by
// its author since still counts: it was up). One reports hid waits for the operator and does not count meanwhile;
// restored, it counts again; removed, it never counts toward a task not yet paid. What was paid stays paid and done:
// the post's own points, which are the daily 发布笔记 task's reward (so that task is done for the day once they are
// paid: posting again that day earns nothing), and a task completed before the removal, which stays done.

const REVIEW_DELAY_MINUTES = 30

const setUp = async (reviewDelayMinutes = 0) => {
  const { app } = await createTestApp({
    hasTools: true,
    settings: { ...DEFAULT_SETTINGS, community: { reviewDelayMinutes } },
  })
  const call = apiCaller(app)
  let phones = 13911120000
  const signUp = async () =>
    v.parse(
      SignedIn,
      (await call('POST', '/auth/phone', { body: { phone: String((phones += 1)), smsCode: '123456' } })).body,
    ).token
  const postTasks = async (token: string) => {
    const tasks = v.parse(TaskList, (await call('GET', '/tasks', { token })).body).items
    const progressOf = (id: string) => {
      const task = tasks.find((item) => item.id === id)
      return task && { progress: task.progress, isDone: task.isDone }
    }
    return { daily: progressOf('task-post'), first: progressOf('task-first-post') }
  }
  const ledgerTypes = async (token: string) =>
    (
      (await call('GET', '/points/ledger?limit=50', { token })).body as { items: { type: string; delta: number }[] }
    ).items
      .map((entry) => `${entry.type} ${entry.delta}`)
      .sort()
  const post = async (token: string, text: string) => {
    const answer = await call('POST', '/posts', { token, body: { text } })
    expect(answer.status).toBe(201)
    return (answer.body as { id: string }).id
  }
  const hide = async (postId: string) => {
    for (let index = 0; index < 5; index += 1)
      expect(
        (await call('POST', `/posts/${postId}/report`, { token: await signUp(), body: { reason: 'spam' } })).status,
      ).toBe(200)
  }
  const decide = async (postId: string, decision: 'restore' | 'remove') =>
    expect(
      (
        await call('POST', `/__mock/reviews/${postId}`, {
          body: {
            kind: 'post',
            decision,
            ...(decision === 'remove' ? { reason: '含有广告引流内容' } : {}),
          },
        })
      ).status,
    ).toBe(200)
  // Past the review delay (under an hour): the post is published at its next read.
  const advancePastReview = async () =>
    expect((await call('POST', '/__mock/clock', { body: { advanceHours: 1 } })).status).toBe(200)
  // Mid-morning in the program's time zone: an hour later is the same business day (the daily task's).
  expect((await call('POST', '/__mock/clock', { body: { set: '2030-03-12T10:00:00+08:00' } })).status).toBe(200)
  return { call, signUp, postTasks, ledgerTypes, post, hide, decide, advancePastReview }
}

describe('posting tasks and the operator review', () => {
  it('a post reports hid counts for no task until restored; one removed never does; the next standing one does', async () => {
    // A review delay: the tasks settle when the post is published, after reports could have hidden it.
    const { signUp, postTasks, ledgerTypes, post, hide, decide, advancePastReview } = await setUp(REVIEW_DELAY_MINUTES)
    const author = await signUp()
    const removed = await post(author, '加微信领优惠券')
    await advancePastReview()
    await hide(removed)
    // The post's points were paid when it was written: the daily task is done; the first-post task waits.
    expect(await postTasks(author)).toEqual({
      daily: { progress: 1, isDone: true },
      first: { progress: 0, isDone: false },
    })
    await decide(removed, 'remove')
    expect(await postTasks(author)).toEqual({
      daily: { progress: 1, isDone: true },
      first: { progress: 0, isDone: false },
    })
    // The post's own points (paid when it was written) stay; no task paid for it.
    expect((await ledgerTypes(author)).filter((entry) => !entry.startsWith('adjustment'))).toEqual(['post 10'])

    const restored = await post(author, '第二篇笔记')
    await advancePastReview()
    await hide(restored)
    expect((await postTasks(author)).first).toEqual({ progress: 0, isDone: false })
    await decide(restored, 'restore')
    expect(await postTasks(author)).toEqual({
      daily: { progress: 1, isDone: true },
      first: { progress: 1, isDone: true },
    })
    expect((await ledgerTypes(author)).filter((entry) => entry.startsWith('task'))).toEqual(['task 50'])
  })

  it("the day's only post removed: the daily task stays done for the day, as its points stay paid", async () => {
    const { signUp, postTasks, ledgerTypes, post, hide, decide, call } = await setUp()
    const author = await signUp()
    const postId = await post(author, '加微信领优惠券')
    expect((await postTasks(author)).daily).toEqual({ progress: 1, isDone: true })
    await hide(postId)
    await decide(postId, 'remove')
    expect((await postTasks(author)).daily).toEqual({ progress: 1, isDone: true })
    // Posting again that day earns nothing (the daily cap is used): nothing was left undone.
    await post(author, '今天的第二篇笔记')
    expect((await ledgerTypes(author)).filter((entry) => entry.startsWith('post '))).toEqual(['post 10'])
    expect((await postTasks(author)).daily).toEqual({ progress: 1, isDone: true })
    // The next business day the task starts over.
    expect((await call('POST', '/__mock/clock', { body: { advanceDays: 1 } })).status).toBe(200)
    expect((await postTasks(author)).daily).toEqual({ progress: 0, isDone: false })
  })

  it('a task paid before the post was removed stays done and paid (nothing is taken back)', async () => {
    const { signUp, postTasks, ledgerTypes, post, hide, decide } = await setUp()
    const author = await signUp()
    const postId = await post(author, '加微信领优惠券')
    expect((await postTasks(author)).first).toEqual({ progress: 1, isDone: true })
    await hide(postId)
    await decide(postId, 'remove')
    expect(await postTasks(author)).toEqual({
      daily: { progress: 1, isDone: true },
      first: { progress: 1, isDone: true },
    })
    expect((await ledgerTypes(author)).filter((entry) => /^(task|post) /.test(entry))).toEqual(['post 10', 'task 50'])
  })
})
