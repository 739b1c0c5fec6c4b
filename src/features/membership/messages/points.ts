import { defineMessages } from '@/lib/i18n'

export const pointsMessages = defineMessages({
  'zh-CN': {
    title: '我的积分',
    balance: '可用积分',
    pending: (points: string, on: string) => `${points} 积分待到账（${on} 起可用）`,
    pendingFirst: (points: string, first: string, on: string) =>
      `${points} 积分待到账，其中 ${first} 积分 ${on} 起可用`,
    expiring: (points: string, on: string) => `${points} 积分将于 ${on} 过期，记得使用`,
    growth: (growth: string) => `成长值 ${growth}`,
    filters: { all: '全部', earned: '获得', spent: '消耗' } as Record<string, string>,
    empty: '还没有积分记录，去签到领第一笔积分吧',
    expiresOn: (on: string) => `${on} 过期`,
  },
  en: {
    title: 'My points',
    balance: 'Available points',
    pending: (points: string, on: string) => `${points} pts pending (available from ${on})`,
    pendingFirst: (points: string, first: string, on: string) =>
      `${points} pts pending, ${first} of them available from ${on}`,
    expiring: (points: string, on: string) => `${points} pts expire on ${on}: use them soon`,
    growth: (growth: string) => `Growth ${growth}`,
    filters: { all: 'All', earned: 'Earned', spent: 'Spent' } as Record<string, string>,
    empty: 'No points yet. Check in to earn your first.',
    expiresOn: (on: string) => `expires ${on}`,
  },
})
