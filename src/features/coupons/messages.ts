import { defineMessages } from '@/lib/i18n'

// The coupon wallet, the levels page's monthly coupon and the product page's coupon choice (subpackages only).

// Why POST /orders refused the chosen coupon (409 COUPON_UNAVAILABLE, details.reason): it changed since the wallet
// was read (spent in another order, expired at midnight, voided by a plan's refund).
const UNAVAILABLE_ZH: Record<string, string> = {
  used: '已经用过了',
  void: '已作废',
  expired: '已过期',
  upcoming: '还没到使用时间',
  below_min_spend: '未达到使用门槛',
}
const UNAVAILABLE_EN: Record<string, string> = {
  used: 'has been used',
  void: 'is void',
  expired: 'has expired',
  upcoming: 'is not valid yet',
  below_min_spend: 'needs a larger order',
}
export const couponMessages = defineMessages({
  'zh-CN': {
    walletTitle: '我的卡券',
    monthlyTitle: '每月礼券',
    noThreshold: '无门槛',
    source: { level: '等级礼券', plan: '会员礼券', gift: '积分兑换' },
    minSpend: (amount: string) => `满 ${amount} 可用`,
    inWallet: (count: number) => `${count} 张券已放入「我的卡券」，下单满足使用条件时自动抵扣`,
    choiceFailed: '没加载出来，点此重试',
    status: { available: '可使用', upcoming: '未生效', used: '已使用', expired: '已过期', void: '已作废' },
    validRange: (from: string, until: string) => `有效期 ${from} 至 ${until}`,
    validUntil: (until: string) => `有效期至 ${until}`,
    use: '去使用',
    claim: (value: string) => `领取本月 ${value} 礼券`,
    claimHint: (value: string) => `每月可领 ${value} 无门槛券，领取后 30 天内下单直接抵扣`,
    claimedToast: (value: string) => `${value} 礼券已放入卡券包`,
    claimed: (value: string, until: string) => `本月礼券已领取 · ${value} · 有效期至 ${until}`,
    unlockAt: (level: string, value: string) => `升级到 ${level} 每月可领 ${value} 无门槛券`,
    notAvailable: '当前等级暂无每月礼券',
    openWallet: '我的卡券',
    emptyTitle: '还没有券',
    emptyHint: '会员等级和付费会员每月都有礼券，积分商城也能兑换，都在这里查看',
    toLevels: '看看等级礼券',
    choiceLabel: '优惠券',
    choiceNone: '不使用优惠券',
    choiceItem: (value: string, until: string) => `减 ${value} · ${until} 到期`,
    payable: (amount: string) => `实付 ${amount}`,
    discounted: (discount: string) => `已减 ${discount}`,
    unavailable: (reason: string) =>
      `这张券${UNAVAILABLE_ZH[reason] ?? '现在用不了'}，没有下单。已为你重新选券，请再确认一次`,
  },
  en: {
    walletTitle: 'My coupons',
    monthlyTitle: 'Monthly coupon',
    noThreshold: 'No minimum spend',
    source: { level: 'Level coupon', plan: 'Membership coupon', gift: 'Points mall' },
    minSpend: (amount: string) => `On orders of ${amount} or more`,
    inWallet: (count: number) =>
      `${count} coupon${count === 1 ? '' : 's'} added to My coupons, taken off an order that meets its terms`,
    choiceFailed: 'Not loaded: tap to retry',
    status: { available: 'Available', upcoming: 'Not yet valid', used: 'Used', expired: 'Expired', void: 'Void' },
    validRange: (from: string, until: string) => `Valid ${from} to ${until}`,
    validUntil: (until: string) => `Valid until ${until}`,
    use: 'Use',
    claim: (value: string) => `Claim this month's ${value} coupon`,
    claimHint: (value: string) => `A ${value} coupon every month, off any order within 30 days of claiming`,
    claimedToast: (value: string) => `${value} coupon added to your wallet`,
    claimed: (value: string, until: string) => `Claimed this month · ${value} · valid until ${until}`,
    unlockAt: (level: string, value: string) => `Reach ${level} for a ${value} coupon every month`,
    notAvailable: 'No monthly coupon at your level yet',
    openWallet: 'My coupons',
    emptyTitle: 'No coupons yet',
    emptyHint: 'Levels and paid memberships give coupons every month, and the points mall has more: they all show here',
    toLevels: 'See level coupons',
    choiceLabel: 'Coupon',
    choiceNone: 'No coupon',
    choiceItem: (value: string, until: string) => `${value} off · expires ${until}`,
    payable: (amount: string) => `To pay ${amount}`,
    discounted: (discount: string) => `${discount} off`,
    unavailable: (reason: string) =>
      `That coupon ${UNAVAILABLE_EN[reason] ?? 'cannot be used now'}: nothing was ordered. Coupons were chosen again; please confirm once more`,
  },
})
