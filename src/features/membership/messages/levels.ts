import { defineMessages } from '@/lib/i18n'

export const levelMessages = defineMessages({
  'zh-CN': {
    title: '会员等级',
    currentLevel: '当前等级',
    growthValue: (growth: string) => `成长值 ${growth}`,
    toNextLevel: (growth: string, level: string) => `还差 ${growth} 成长值升级 ${level}`,
    topLevel: '已达最高等级，感谢一路相伴',
    growthNote: '兑换礼品不消耗成长值，等级不会因此降低；订单退款会收回该订单所得的成长值',
    allLevels: '等级权益',
    threshold: (growth: string) => `成长值 ≥ ${growth}`,
    reached: '已解锁',
    locked: '未解锁',
    noBenefits: '暂无专属权益',
  },
  en: {
    title: 'Membership level',
    currentLevel: 'Current',
    growthValue: (growth: string) => `Growth ${growth}`,
    toNextLevel: (growth: string, level: string) => `${growth} more growth to reach ${level}`,
    topLevel: 'You are at the top level. Thank you for being with us',
    growthNote:
      'Redeeming gifts never costs growth or lowers your level; a refunded order takes back the growth it gave',
    allLevels: 'Level benefits',
    threshold: (growth: string) => `Growth ≥ ${growth}`,
    reached: 'Unlocked',
    locked: 'Locked',
    noBenefits: 'No special benefits yet',
  },
})
