import { defineMessages } from '@/lib/i18n'

export const checkinMessages = defineMessages({
  'zh-CN': {
    checkIn: '签到',
    checkInFor: (points: number) => `签到 +${points} 积分`,
    checkedIn: '今日已签到',
    streak: (days: number) => `已连续签到 ${days} 天`,
    noStreak: '今天签到，开启连签',
    tomorrowGives: (points: number) => `明天签到 +${points} 积分`,
    bonusAhead: (day: number, points: number) => `第 ${day} 天 +${points}`,
    awarded: (points: number) => `+${points}`,
    failed: (reason: string) => `签到没成功：${reason}`,
    // A timeout or a dropped connection: the server may have checked in; the retry replays the same request.
    unconfirmed: (reason: string) => `签到结果未确认：${reason}。再点不会重复签到`,
    retry: '重新签到',
    calendar: '签到日历',
    dayLabel: (day: number) => `第${day}天`,
  },
  en: {
    checkIn: 'Check in',
    checkInFor: (points: number) => `Check in +${points} pts`,
    checkedIn: 'Checked in today',
    streak: (days: number) => `${days}-day streak`,
    noStreak: 'Check in today to start a streak',
    tomorrowGives: (points: number) => `Tomorrow: +${points} pts`,
    bonusAhead: (day: number, points: number) => `Day ${day} +${points}`,
    awarded: (points: number) => `+${points}`,
    failed: (reason: string) => `Check-in failed: ${reason}`,
    unconfirmed: (reason: string) => `Check-in not confirmed: ${reason}. Trying again never checks in twice`,
    retry: 'Try again',
    calendar: 'Check-in calendar',
    dayLabel: (day: number) => `Day ${day}`,
  },
})
