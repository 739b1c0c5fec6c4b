/** Member ids of the seed, for personas and tests. */
export const SEED_MEMBERS = {
  newMember: 'm-new',
  streak: 'm-streak',
  kol: 'm-kol',
  expiring: 'm-expiring',
  birthday: 'm-birthday',
  rejectedPost: 'm-rejected',
  mentor: 'm-mentor',
  official: 'm-official',
  /** The first of the KOL's fans (m-fan-01..12). */
  kolFan: 'm-fan-01',
} as const

/** Referral codes of the seeded distributors; the mentor is bound to the KOL, so a ref the other way is a cycle. */
export const SEED_REFERRAL_CODES = { kol: 'LINA88', mentor: 'MIAO66' } as const

/** Seeded members an operator can preview the app as (`POST /__mock/persona {id}`). */
export const PERSONAS = [
  {
    id: 'new-member',
    memberId: SEED_MEMBERS.newMember,
    title: '新注册会员',
    description: 'V1 社区新人，0 积分，还没有签到、兑换和发帖记录。',
  },
  {
    id: 'streak-day6',
    memberId: SEED_MEMBERS.streak,
    title: '连签第 6 天的活跃会员',
    description: 'V2 活跃会员，已连续签到 5 天，今天还没签到（今天是连签第 6 天，明天第 7 天有额外奖励）。',
  },
  {
    id: 'kol-distributor',
    memberId: SEED_MEMBERS.kol,
    title: '达人分销员 Lina',
    description:
      'V4 核心会员，已开通分销，推荐码 LINA88，绑定 13 位粉丝（卡片、链接、帖子、推荐码、小程序码），有待结算和已结算佣金、一笔已到账提现；积分商城里有待发货、已发货、已完成、已取消的兑换各一笔和两个收货地址。',
  },
  {
    id: 'kol-fan',
    memberId: SEED_MEMBERS.kolFan,
    title: 'Lina 的粉丝',
    description: '通过 Lina 的推广卡片注册，绑定在保护期内，两天前通过 Lina 的链接下过一单（佣金待结算）。',
  },
  {
    id: 'points-expiring',
    memberId: SEED_MEMBERS.expiring,
    title: '积分即将过期的会员',
    description: 'V3 资深会员，1100 积分，其中 800 积分将在 20 天后过期。',
  },
  {
    id: 'birthday-month',
    memberId: SEED_MEMBERS.birthday,
    title: '本月生日的会员',
    description: 'V3 资深会员，生日在本月且已设置（不可再修改）；本月的等级礼券已领取、还没用，在我的卡券里可使用。',
  },
  {
    id: 'post-rejected',
    memberId: SEED_MEMBERS.rejectedPost,
    title: '笔记未通过审核的会员',
    description: 'V2 会员，昨天发布的笔记含违规词「刷单」，被内容审核拒绝：我的笔记里显示“未通过”和审核给出的原因。',
  },
] as const

export type PersonaId = (typeof PERSONAS)[number]['id']
export const PERSONA_IDS = PERSONAS.map((persona) => persona.id) as [PersonaId, ...PersonaId[]]
