import * as v from 'valibot'
import { SignedIn, TaskList } from '../../src/contract/all'
import { commentDaysOf } from '../../mock/modules/membership/rules'
import { apiCaller, createTestApp } from '../support/test-server'

describe('the daily comment task counts comments written, paid or not', () => {
  it('is one day per comment: the standing ones, and paid ones deleted since', () => {
    const D1 = '2030-03-09'
    const D2 = '2030-03-10'
    // Over the cap: 5 written, 3 paid.
    expect(commentDaysOf([D2, D2, D2, D2, D2], [D2, D2, D2])).toEqual([D2, D2, D2, D2, D2])
    // Two paid comments deleted since (or gone with their post): the paid ones still count.
    expect(commentDaysOf([D2], [D2, D2, D2])).toEqual([D2, D2, D2])
    expect(commentDaysOf([D1, D2], [D1, D1])).toEqual([D1, D1, D2])
    expect(commentDaysOf([], [])).toEqual([])
  })

  it('completes with a daily comment cap below its target × points each (cap 6 = 3 paid comments, target 5)', async () => {
    const { app } = await createTestApp({
      config: (config) => ({
        ...config,
        points: {
          ...config.points,
          dailyCaps: config.points.dailyCaps.map((cap) =>
            cap.source === 'comment' ? { ...cap, pointsEach: 2, maxPointsPerDay: 6 } : cap,
          ),
        },
      }),
    })
    const call = apiCaller(app)
    const token = v.parse(
      SignedIn,
      (await call('POST', '/auth/phone', { body: { phone: '13911115555', smsCode: '123456' } })).body,
    ).token
    const posts = (await call('GET', '/posts?section=recommend')).body as { items: { id: string }[] }
    const postId = posts.items[0]?.id ?? ''
    const commentTask = async () => {
      const tasks = v.parse(TaskList, (await call('GET', '/tasks', { token })).body).items
      return tasks.find((task) => task.kind === 'daily' && task.action === 'comment')
    }
    expect(await commentTask()).toMatchObject({ target: 5, progress: 0, isDone: false })

    const comment = async (text: string) => {
      const answer = await call('POST', `/posts/${postId}/comments`, { token, body: { text } })
      expect(answer.status).toBe(201)
      return (answer.body as { id: string }).id
    }
    const first = await comment('第1条评论')
    await comment('第2条评论')
    // A paid comment deleted is still one written today.
    expect((await call('DELETE', `/comments/${first}`, { token })).status).toBe(200)
    expect(await commentTask()).toMatchObject({ progress: 2, isDone: false })
    for (const n of [3, 4, 5]) await comment(`第${n}条评论`)
    // The cap paid three (6 points); the fourth and fifth earned nothing and still count.
    expect(await commentTask()).toMatchObject({ progress: 4, isDone: false })
    await comment('第6条评论')
    expect(await commentTask()).toMatchObject({ progress: 5, isDone: true })
    const ledger = (await call('GET', '/points/ledger?limit=50', { token })).body as {
      items: { type: string; delta: number }[]
    }
    expect(ledger.items.filter((entry) => entry.type === 'comment').reduce((sum, entry) => sum + entry.delta, 0)).toBe(
      6,
    )
  })
})
