import type { TaskFacts, TaskRule } from '../../mock/modules/membership/rules'
import { isCompleted, taskPeriod, taskProgress } from '../../mock/modules/membership/rules'

const TODAY = '2030-03-10'
const none: TaskFacts = {
  checkinDays: [],
  postDays: [],
  paidPostDays: [],
  commentDays: [],
  redemptionDays: [],
  inviteDays: [],
  profileSteps: 0,
  completions: [],
}
const task = (rule: Partial<TaskRule> & Pick<TaskRule, 'action' | 'kind'>): TaskRule => ({
  id: `task-${rule.kind}-${rule.action}`,
  target: 1,
  isSelfReported: false,
  ...rule,
})

describe('task periods', () => {
  it('is the business day for a daily task, one period for a one-time task', () => {
    expect(taskPeriod('daily', TODAY)).toBe(TODAY)
    expect(taskPeriod('once', TODAY)).toBe('once')
  })
})

describe('task progress, from what the server saw', () => {
  it.each([
    [
      'daily check-in, done today',
      task({ kind: 'daily', action: 'checkin' }),
      { checkinDays: ['2030-03-09', TODAY] },
      1,
    ],
    [
      'daily check-in, done yesterday only',
      task({ kind: 'daily', action: 'checkin' }),
      { checkinDays: ['2030-03-09'] },
      0,
    ],
    [
      'daily comments, 3 of 5',
      task({ kind: 'daily', action: 'comment', target: 5 }),
      { commentDays: [TODAY, TODAY, TODAY, '2030-03-01'] },
      3,
    ],
    [
      'daily comments, capped at the target',
      task({ kind: 'daily', action: 'comment', target: 5 }),
      { commentDays: Array(9).fill(TODAY) },
      5,
    ],
    ['first post, any day', task({ kind: 'once', action: 'post' }), { postDays: ['2029-01-01'] }, 1],
    [
      'daily post, its points paid today for a post removed since',
      task({ kind: 'daily', action: 'post' }),
      { paidPostDays: [TODAY] },
      1,
    ],
    ['daily post, paid yesterday only', task({ kind: 'daily', action: 'post' }), { paidPostDays: ['2030-03-09'] }, 0],
    [
      'first post, a post paid its points but removed before the task was paid',
      task({ kind: 'once', action: 'post' }),
      { paidPostDays: [TODAY] },
      0,
    ],
    ['first redemption, none', task({ kind: 'once', action: 'redeem' }), {}, 0],
    [
      'invite, three friends',
      task({ kind: 'once', action: 'invite' }),
      { inviteDays: ['2030-01-01', '2030-02-01', TODAY] },
      1,
    ],
    ['profile, nickname only', task({ kind: 'once', action: 'profile', target: 2 }), { profileSteps: 1 }, 1],
    ['profile, complete', task({ kind: 'once', action: 'profile', target: 2 }), { profileSteps: 2 }, 2],
    [
      'self-reported, not reported',
      task({ kind: 'daily', action: 'browse_hot', isSelfReported: true }),
      { postDays: [TODAY] },
      0,
    ],
    [
      'self-reported, reported today',
      task({ id: 'browse', kind: 'daily', action: 'browse_hot', isSelfReported: true }),
      { completions: [{ taskId: 'browse', period: TODAY }] },
      1,
    ],
    [
      'self-reported, reported yesterday',
      task({ id: 'browse', kind: 'daily', action: 'browse_hot', isSelfReported: true }),
      { completions: [{ taskId: 'browse', period: '2030-03-09' }] },
      0,
    ],
    [
      'a paid one-time task stays done though its fact is gone',
      task({ id: 'first-post', kind: 'once', action: 'post' }),
      { completions: [{ taskId: 'first-post', period: 'once' }] },
      1,
    ],
  ] as [string, TaskRule, Partial<TaskFacts>, number][])('%s: %i', (_label, rule, facts, progress) => {
    expect(taskProgress(rule, { ...none, ...facts }, TODAY)).toBe(progress)
  })

  it('knows a task paid for this period', () => {
    const rule = task({ id: 'browse', kind: 'daily', action: 'browse_hot', isSelfReported: true })
    const facts = { ...none, completions: [{ taskId: 'browse', period: TODAY }] }
    expect(isCompleted(rule, facts, TODAY)).toBe(true)
    expect(isCompleted(rule, facts, '2030-03-11')).toBe(false)
  })
})
