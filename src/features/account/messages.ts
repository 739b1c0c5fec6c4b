import { defineMessages } from '@/lib/i18n'

// What the first screen shows about the account; the sign-in page's own words are in sign-in-messages.ts.
export const accountMessages = defineMessages({
  'zh-CN': {
    signInSubtitle: '登录后签到领积分、兑换好礼',
    signedInAs: (name: string) => `欢迎，${name}`,
  },
  en: {
    signInSubtitle: 'Sign in to check in, earn points and redeem gifts',
    signedInAs: (name: string) => `Welcome, ${name}`,
  },
})

export const settingsMessages = defineMessages({
  'zh-CN': { title: '我的', language: '语言' },
  en: { title: 'Me', language: 'Language' },
})
