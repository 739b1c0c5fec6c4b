import type { AppConfig } from '../../src/contract/all'

/** The defaults of domain-rules.md; operators may change any of it, and the app renders whatever it says. */
export const seedConfig = (): AppConfig => ({
  brandName: 'FanLoop 粉环',
  slogan: '签到攒积分，好物换不停，和同好一起玩',
  // Text colours meet WCAG AA on the background and surface (test/mock/seed-theme-contrast.test.ts): the
  // brand red and the grey were darkened from #E8503A / #8A8A99 (3.7:1 and 3.2:1) in issue #11. The accent is the
  // light end of the brand gradient under white text (member card, points, levels and calendar banners): darkened
  // from #F5A623 (2.0:1 under white) to a burnt orange that carries it at 4.8:1.
  theme: {
    primaryColor: '#C93A26',
    primaryTextColor: '#FFFFFF',
    accentColor: '#AF5C08',
    backgroundColor: '#F6F6F8',
    surfaceColor: '#FFFFFF',
    textColor: '#1F1F24',
    mutedTextColor: '#6E6E7C',
    dangerColor: '#C5281F',
  },
  timeZone: 'Asia/Shanghai',
  levels: [
    {
      code: 'V1',
      name: '社区新人',
      minGrowth: 0,
      checkinMultiplierPercent: 100,
      monthlyCouponFen: 0,
      benefits: [
        { code: 'checkin_points', name: '签到积分', description: '每日签到领积分，连签有惊喜' },
        { code: 'community', name: '社区互动', description: '发帖、评论、点赞，结识同好' },
      ],
    },
    {
      code: 'V2',
      name: '活跃会员',
      minGrowth: 200,
      checkinMultiplierPercent: 100,
      monthlyCouponFen: 500,
      benefits: [
        { code: 'checkin_points', name: '签到积分', description: '每日签到领积分，连签有惊喜' },
        { code: 'monthly_coupon', name: '每月礼券', description: '每月领取 5 元无门槛券' },
      ],
    },
    {
      code: 'V3',
      name: '资深会员',
      minGrowth: 1000,
      checkinMultiplierPercent: 120,
      monthlyCouponFen: 1000,
      benefits: [
        { code: 'checkin_multiplier', name: '签到 1.2 倍积分' },
        { code: 'monthly_coupon', name: '每月礼券', description: '每月领取 10 元无门槛券' },
        { code: 'birthday_gift', name: '生日礼', description: '生日当月领取专属生日礼' },
        { code: 'distribution', name: '分销权益', description: '完成任务即可开通推广权益' },
      ],
    },
    {
      code: 'V4',
      name: '核心会员',
      minGrowth: 3000,
      checkinMultiplierPercent: 140,
      monthlyCouponFen: 2000,
      benefits: [
        { code: 'checkin_multiplier', name: '签到 1.4 倍积分' },
        { code: 'monthly_coupon', name: '每月礼券', description: '每月领取 20 元无门槛券' },
        { code: 'birthday_gift', name: '生日礼', description: '生日当月领取专属生日礼' },
        { code: 'exclusive_gifts', name: '专属好礼', description: '解锁 V4 专属兑换礼品' },
        { code: 'distribution', name: '分销权益', description: '完成任务即可开通推广权益' },
        { code: 'homepage_feature', name: '首页推荐', description: '达人笔记优先展示' },
      ],
    },
    {
      code: 'V5',
      name: '社区领袖',
      minGrowth: 8000,
      checkinMultiplierPercent: 200,
      monthlyCouponFen: 5000,
      benefits: [
        { code: 'checkin_multiplier', name: '签到 2 倍积分' },
        { code: 'monthly_coupon', name: '每月礼券', description: '每月领取 50 元无门槛券' },
        { code: 'birthday_gift', name: '生日礼', description: '生日当月领取专属生日礼' },
        { code: 'exclusive_gifts', name: '专属好礼', description: '解锁全部专属兑换礼品' },
        { code: 'distribution', name: '分销权益', description: '完成任务即可开通推广权益' },
        { code: 'homepage_feature', name: '首页推荐', description: '达人笔记优先展示' },
      ],
    },
  ],
  checkin: {
    basePoints: 5,
    growthPerCheckin: 5,
    cycleDays: 7,
    ladder: [
      { day: 3, bonusPoints: 10 },
      { day: 7, bonusPoints: 30 },
    ],
    makeup: { perMonth: 2, costPoints: 20 },
  },
  birthdayGiftPoints: 200,
  points: {
    pendingDays: 7,
    expiry: 'end_of_next_year',
    expiringSoonDays: 30,
    dailyCaps: [
      { source: 'post', pointsEach: 10, maxPointsPerDay: 10 },
      { source: 'comment', pointsEach: 2, maxPointsPerDay: 10 },
    ],
  },
  distribution: {
    commissionRateBps: 1000,
    commissionLevels: 1,
    bindingDays: 30,
    settleDays: 7,
    withdrawMinFen: 1000,
    routes: { inviteCode: true, task: true, application: true },
    kolLevels: [
      { code: 'K1', name: '新星达人', minFans: 10 },
      { code: 'K2', name: '人气达人', minFans: 50 },
      { code: 'K3', name: '金牌达人', minFans: 200 },
    ],
    referralCodeLength: 6,
  },
  features: { community: true, mall: true, distribution: true, membershipPackages: true, shareRewards: false },
})
