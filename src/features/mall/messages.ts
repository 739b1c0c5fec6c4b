import { defineMessages } from '@/lib/i18n'

export const mallMessages = defineMessages({
  'zh-CN': {
    title: '积分商城',
    hotGifts: '热门好礼',
    myRedemptions: '我的兑换',
    myAddresses: '收货地址',
    seeAll: '全部',
    myPoints: '我的积分',
    signInForBalance: '登录查看积分',
    empty: '暂时没有可兑换的礼品',
    soldOut: '已兑完',
    fewLeft: (count: number) => `仅剩 ${count} 件`,
    levelRequired: (level: string) => `${level} 可兑`,
    pointsCost: (points: string) => `${points} 积分`,
  },
  en: {
    title: 'Points mall',
    hotGifts: 'Popular gifts',
    myRedemptions: 'Redemptions',
    myAddresses: 'Addresses',
    seeAll: 'See all',
    myPoints: 'My points',
    signInForBalance: 'Sign in to see your points',
    empty: 'No gifts to redeem yet',
    soldOut: 'Sold out',
    fewLeft: (count: number) => `Only ${count} left`,
    levelRequired: (level: string) => `${level} and up`,
    pointsCost: (points: string) => `${points} pts`,
  },
})
