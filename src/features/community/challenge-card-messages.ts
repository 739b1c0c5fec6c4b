import { defineMessages } from '@/lib/i18n'

/**
 * What the feed's pinned challenge card says (the 社区 tab, so the mini-program's main package); the challenge and
 * certificate pages' table (./challenge-messages) includes these and adds its own.
 */
export const challengeCardMessages = defineMessages({
  'zh-CN': {
    pinned: '置顶',
    period: (from: string, to: string) => `${from} 周一 00:00 至 ${to} 周日 24:00`,
    joined: (count: number) => `${count} 人已参加`,
    badge: (name: string) => `完成可获「${name}」电子证书`,
    status: { upcoming: '未开始', running: '进行中', ended: '已结束' } as Record<string, string>,
    join: '参加挑战',
    progress: (checked: number, total: number) => `已打卡 ${checked}/${total} 天`,
  },
  en: {
    pinned: 'Pinned',
    period: (from: string, to: string) => `Mon ${from} 00:00 to Sun ${to} 24:00`,
    joined: (count: number) => `${count} joined`,
    badge: (name: string) => `Complete it for the “${name}” certificate`,
    status: { upcoming: 'Upcoming', running: 'Running', ended: 'Ended' } as Record<string, string>,
    join: 'Join',
    progress: (checked: number, total: number) => `${checked}/${total} days checked in`,
  },
})
