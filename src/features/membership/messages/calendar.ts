import { defineMessages } from '@/lib/i18n'

// The check-in calendar page's words (make-ups, the month grid): apart from checkinMessages, which the home page's
// check-in card loads on the first screen.
export const calendarMessages = defineMessages({
  'zh-CN': {
    today: '今天',
    makeupsLeft: (count: number) => `本月还可补签 ${count} 次`,
    makeupTitle: '补签',
    checkedInNow: (points: number) => `签到成功，+${points} 积分`,
    makeupConfirm: (date: string, cost: number, left: number) =>
      `补签 ${date} 将消耗 ${cost} 积分，补签后连签不中断（本月还可补签 ${left} 次）`,
    makeupConfirmGap: (date: string, cost: number, left: number, alsoMissed: string) =>
      `补签 ${date} 将消耗 ${cost} 积分。${alsoMissed} 也漏签了，只补这一天连签仍会中断（本月还可补签 ${left} 次）`,
    makeupDone: (date: string) => `已补签 ${date}`,
    makeupRestored: (date: string, points: number) => `已补签 ${date}，连签奖励补发 +${points} 积分`,
    makeupHint: '点选本月漏签的日子可以补签',
    weekdays: ['日', '一', '二', '三', '四', '五', '六'],
    monthTitle: (year: number, month: number) => `${year} 年 ${month} 月`,
    previousMonth: '上个月',
    nextMonth: '下个月',
    rewardsAhead: '接下来的签到奖励',
    makeupRefusals: {
      not_this_month: '只能补签本月的日子',
      today_or_future: '今天和以后的日子不能补签',
      already_checked_in: '这一天已经签到过了',
      no_makeups_left: '本月的补签次数已用完',
      before_joining: '加入会员之前的日子不能补签',
    } as Record<string, string>,
  },
  en: {
    today: 'Today',
    makeupsLeft: (count: number) => `${count} make-ups left this month`,
    makeupTitle: 'Make up',
    checkedInNow: (points: number) => `Checked in: +${points} pts`,
    makeupConfirm: (date: string, cost: number, left: number) =>
      `Making up ${date} costs ${cost} points and keeps your streak (${left} left this month)`,
    makeupConfirmGap: (date: string, cost: number, left: number, alsoMissed: string) =>
      `Making up ${date} costs ${cost} points. ${alsoMissed} was missed too, so this day alone does not restore your streak (${left} left this month)`,
    makeupDone: (date: string) => `${date} made up`,
    makeupRestored: (date: string, points: number) => `${date} made up: +${points} streak points paid back`,
    makeupHint: 'Tap a missed day of this month to make it up',
    weekdays: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
    monthTitle: (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`,
    previousMonth: 'Previous',
    nextMonth: 'Next',
    rewardsAhead: 'Rewards ahead',
    makeupRefusals: {
      not_this_month: 'Only days of this month can be made up',
      today_or_future: 'Today and later days cannot be made up',
      already_checked_in: 'You already checked in that day',
      no_makeups_left: 'No make-ups left this month',
      before_joining: 'Days before you joined cannot be made up',
    } as Record<string, string>,
  },
})
