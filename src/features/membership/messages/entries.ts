import { defineMessages } from '@/lib/i18n'

export const memberEntryMessages = defineMessages({
  'zh-CN': { points: '积分明细', calendar: '签到日历', levels: '会员等级', tasks: '任务中心' },
  en: { points: 'Points', calendar: 'Check-ins', levels: 'Levels', tasks: 'Tasks' },
})
