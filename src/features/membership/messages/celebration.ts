import { defineMessages } from '@/lib/i18n'

/** The level-up celebration, shown on the home page: apart from the levels page's messages (./levels). */
export const celebrationMessages = defineMessages({
  'zh-CN': {
    celebrationTitle: (level: string) => `恭喜升级 ${level}`,
    celebrationNewBenefits: '现在享有的权益',
    celebrationClose: '开心收下',
  },
  en: {
    celebrationTitle: (level: string) => `Congratulations, you reached ${level}`,
    celebrationNewBenefits: 'Your benefits now',
    celebrationClose: 'Great, thanks',
  },
})
