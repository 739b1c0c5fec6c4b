import { defineMessages } from './i18n'

/** Labels of the four tabs, in tab order (app.config.ts holds the zh-CN build-time defaults). */
export const tabBarMessages = defineMessages({
  'zh-CN': { items: ['首页', '社区', '积分商城', '我的'] },
  en: { items: ['Home', 'Community', 'Mall', 'Me'] },
})
