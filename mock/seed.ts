import type { GiftRecord, MemberRecord, MockState, PostRecord, TaskDefinition } from './state'
import { newId } from './state'
import { placeholderImage } from './placeholder-image'
import { seedConfig } from './seed-config'
import { checkinPoints } from './domain/checkin'
import { levelForGrowth } from './domain/levels'
import { lotsTakenBy } from './domain/ledger'
import { addDays, businessDay, endOfNextYear, formatInstant, instantOfDay } from './domain/time'
import { settleTasks } from './tasks'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** Member ids of the seed, for personas and tests. */
export const SEED_MEMBERS = {
  newMember: 'm-new',
  streak: 'm-streak',
  kol: 'm-kol',
  expiring: 'm-expiring',
  birthday: 'm-birthday',
  mentor: 'm-mentor',
  official: 'm-official',
} as const

/** Referral codes of the seeded distributors; the mentor is bound to the KOL, so a ref the other way is a cycle. */
export const SEED_REFERRAL_CODES = { kol: 'LINA88', mentor: 'MIAO66' } as const

const FAN_NICKNAMES = [
  '桃子汽水',
  '阿晴',
  '周末去看海',
  '豆豆妈',
  '一颗柠檬',
  '小鹿',
  '橙子',
  'Momo',
  '阿凯',
  '晚风',
  '木木',
  '西西',
]

const GIFT_CATEGORIES = [
  { id: 'beauty', name: '美妆护肤' },
  { id: 'home', name: '生活好物' },
  { id: 'digital', name: '数码周边' },
  { id: 'coupon', name: '优惠券' },
  { id: 'vip', name: '会员权益' },
]

const GIFTS: GiftRecord[] = [
  {
    id: 'gift-tote',
    name: '品牌定制帆布袋',
    description: '加厚帆布，可装下一周的好心情。',
    category: 'home',
    images: [placeholderImage('gifts/tote')],
    pointsCost: 300,
    stock: 200,
    perMemberLimit: 2,
    minLevel: 'V1',
    kind: 'physical',
  },
  {
    id: 'gift-cleanser-mini',
    name: '氨基酸洁面乳旅行装 30ml',
    description: '温和清洁，出差旅行刚刚好。',
    category: 'beauty',
    images: [placeholderImage('gifts/cleanser-mini')],
    pointsCost: 500,
    stock: 120,
    perMemberLimit: 1,
    minLevel: 'V1',
    kind: 'physical',
  },
  {
    id: 'gift-coupon-5',
    name: '5 元无门槛券',
    description: '商城下单直接抵扣，有效期 30 天。',
    category: 'coupon',
    images: [],
    pointsCost: 200,
    stock: 1000,
    perMemberLimit: 5,
    minLevel: 'V1',
    kind: 'coupon',
  },
  {
    id: 'gift-coupon-20',
    name: '满 199 减 20 元券',
    description: '商城满 199 元可用，有效期 30 天。',
    category: 'coupon',
    images: [],
    pointsCost: 600,
    stock: 500,
    perMemberLimit: 3,
    minLevel: 'V1',
    kind: 'coupon',
  },
  {
    id: 'gift-ebook',
    name: '电子书畅读周卡',
    description: '兑换后立即获得兑换码。',
    category: 'vip',
    images: [],
    pointsCost: 150,
    stock: 300,
    perMemberLimit: 2,
    minLevel: 'V1',
    kind: 'virtual',
  },
  {
    id: 'gift-video-month',
    name: '视频会员月卡',
    description: '兑换后立即获得兑换码，30 天有效。',
    category: 'vip',
    images: [placeholderImage('gifts/video-month')],
    pointsCost: 1800,
    stock: 80,
    perMemberLimit: 1,
    minLevel: 'V1',
    kind: 'virtual',
  },
  {
    id: 'gift-earbuds',
    name: '无线蓝牙耳机',
    description: '轻巧入耳，续航 24 小时。',
    category: 'digital',
    images: [placeholderImage('gifts/earbuds')],
    pointsCost: 6800,
    stock: 8,
    perMemberLimit: 1,
    minLevel: 'V1',
    kind: 'physical',
  },
  {
    id: 'gift-fragrance-box',
    name: '香氛礼盒',
    description: '三款经典香型小样，节日送礼之选。',
    category: 'beauty',
    images: [placeholderImage('gifts/fragrance-box')],
    pointsCost: 5200,
    stock: 30,
    perMemberLimit: 1,
    minLevel: 'V1',
    kind: 'physical',
  },
  {
    id: 'gift-badge',
    name: '限量周年徽章',
    description: '周年纪念款，已全部兑完。',
    category: 'home',
    images: [placeholderImage('gifts/badge')],
    pointsCost: 100,
    stock: 0,
    perMemberLimit: 1,
    minLevel: 'V1',
    kind: 'physical',
  },
  {
    id: 'gift-bottle',
    name: '保温随行杯',
    description: '316 不锈钢内胆，12 小时保温。',
    category: 'home',
    images: [placeholderImage('gifts/bottle')],
    pointsCost: 1500,
    stock: 60,
    perMemberLimit: 1,
    minLevel: 'V2',
    kind: 'physical',
  },
  {
    id: 'gift-coupon-50',
    name: '50 元无门槛券',
    description: '资深会员专享，有效期 30 天。',
    category: 'coupon',
    images: [],
    pointsCost: 2500,
    stock: 100,
    perMemberLimit: 1,
    minLevel: 'V3',
    kind: 'coupon',
  },
  {
    id: 'gift-serum-full',
    name: '玻尿酸精华液正装',
    description: '资深会员专享正装 50ml。',
    category: 'beauty',
    images: [placeholderImage('gifts/serum')],
    pointsCost: 3000,
    stock: 40,
    perMemberLimit: 1,
    minLevel: 'V3',
    kind: 'physical',
  },
  {
    id: 'gift-vip-box',
    name: '核心会员专属礼盒',
    description: '当季新品组合，核心会员专享。',
    category: 'beauty',
    images: [placeholderImage('gifts/vip-box')],
    pointsCost: 4000,
    stock: 20,
    perMemberLimit: 1,
    minLevel: 'V4',
    kind: 'physical',
  },
  {
    id: 'gift-leader-kit',
    name: '社区领袖年度礼包',
    description: '年度旗舰礼包与线下活动邀请函。',
    category: 'digital',
    images: [placeholderImage('gifts/leader-kit')],
    pointsCost: 12000,
    stock: 5,
    perMemberLimit: 1,
    minLevel: 'V5',
    kind: 'physical',
  },
]

const TOPICS = [
  { name: '七日打卡挑战', description: '连续打卡 7 天，领取「自律达人」徽章' },
  { name: '好物种草', description: '最近用到的宝藏好物' },
  { name: '护肤心得', description: '成分、步骤与踩过的坑' },
  { name: '晒单分享', description: '到手啦！晒出你的兑换和订单' },
  { name: '新人报到', description: '第一次来？和大家打个招呼' },
]

/**
 * The task center. Check-in, post and comment pay through their own entries (the check-in ladder, the daily
 * caps: the comment target matches the comment cap, 2 points each up to 10), so they carry no reward of their
 * own. No task pays for sharing (WeChat forbids it): the invite task pays for a friend who registers.
 */
const TASKS: TaskDefinition[] = [
  {
    id: 'task-checkin',
    kind: 'daily',
    action: 'checkin',
    title: '每日签到',
    description: '每天签到领积分，连续签到奖励更多',
    target: 1,
    isSelfReported: false,
    reward: null,
  },
  {
    id: 'task-browse-hot',
    kind: 'daily',
    action: 'browse_hot',
    title: '逛逛爆款精选',
    description: '看看大家都在买的好物',
    target: 1,
    isSelfReported: true,
    reward: { points: 5, growth: 1 },
  },
  {
    id: 'task-post',
    kind: 'daily',
    action: 'post',
    title: '发布笔记',
    description: '写下你的好物心得，每天首篇笔记得积分',
    target: 1,
    isSelfReported: false,
    reward: null,
  },
  {
    id: 'task-comment',
    kind: 'daily',
    action: 'comment',
    title: '评论互动',
    description: '评论同好的笔记，每条评论得积分，每天有上限',
    target: 5,
    isSelfReported: false,
    reward: null,
  },
  {
    id: 'task-profile',
    kind: 'once',
    action: 'profile',
    title: '完善个人资料',
    description: '设置你的昵称和生日',
    target: 2,
    isSelfReported: false,
    reward: { points: 50, growth: 20 },
  },
  {
    id: 'task-first-post',
    kind: 'once',
    action: 'post',
    title: '发布第一篇笔记',
    description: '在社区发布你的第一篇笔记',
    target: 1,
    isSelfReported: false,
    reward: { points: 50, growth: 20 },
  },
  {
    id: 'task-first-redemption',
    kind: 'once',
    action: 'redeem',
    title: '首次兑换好礼',
    description: '在积分商城兑换第一件礼品',
    target: 1,
    isSelfReported: false,
    reward: { points: 30, growth: 10 },
  },
  {
    id: 'task-invite',
    kind: 'once',
    action: 'invite',
    title: '邀请好友注册',
    description: '好友通过你的推荐注册成为会员',
    target: 1,
    isSelfReported: false,
    reward: { points: 100, growth: 50 },
  },
]

const PRODUCTS = [
  {
    id: 'p-cleanser',
    name: '氨基酸洁面乳 120g',
    description: '温和清洁不紧绷。',
    images: [placeholderImage('products/cleanser')],
    priceFen: 8900,
  },
  {
    id: 'p-serum',
    name: '玻尿酸精华液 50ml',
    description: '一瓶补水，一整天水润。',
    images: [placeholderImage('products/serum')],
    priceFen: 19900,
  },
  {
    id: 'p-sunscreen',
    name: '清透防晒喷雾 SPF50+',
    description: '清爽不黏腻，随时补涂。',
    images: [placeholderImage('products/sunscreen')],
    priceFen: 12900,
  },
  {
    id: 'p-giftbox',
    name: '香氛礼盒三件套',
    description: '节日送礼不出错。',
    images: [placeholderImage('products/giftbox')],
    priceFen: 29900,
  },
]

/**
 * A fresh state, the same for the same `nowMs`: persona histories (streaks, expiring lots, pending
 * commission) are placed relative to it, so `POST /__mock/reset` brings them back to "today".
 */
export const createSeedState = (nowMs: number): MockState => {
  const config = seedConfig()
  const timeZone = config.timeZone
  const at = (ms: number): string => formatInstant(ms, timeZone)
  const daysAgo = (days: number, hours = 0): number => nowMs - days * DAY_MS - hours * HOUR_MS
  const today = businessDay(nowMs, timeZone)

  const state: MockState = {
    schemaVersion: 3,
    clock: { offsetMs: 0 },
    nextId: 1000,
    config,
    members: [],
    sessions: {},
    wechatCodes: {},
    ledger: [],
    checkins: [],
    tasks: TASKS.map((task) => ({ ...task, reward: task.reward ? { ...task.reward } : null })),
    taskCompletions: [],
    giftCategories: GIFT_CATEGORIES.map((category) => ({ ...category })),
    gifts: GIFTS.map((gift) => ({ ...gift, images: [...gift.images] })),
    addresses: [],
    redemptions: [],
    topics: TOPICS.map((topic) => ({ ...topic })),
    posts: [],
    products: PRODUCTS.map((product) => ({ ...product, images: [...product.images] })),
    bindings: [],
    orders: [],
    commissions: [],
    idempotency: {},
  }

  const addMember = (fields: Partial<MemberRecord> & Pick<MemberRecord, 'id' | 'nickname' | 'createdAt'>): void => {
    const growth = fields.growth ?? 0
    state.members.push({
      nicknameSetByMember: true,
      avatarUrl: '',
      phone: null,
      wechatOpenId: null,
      growth,
      birthday: null,
      birthdayGiftYear: null,
      // Seeded members have seen their level: a celebration waits for the next level-up.
      celebratedLevel: levelForGrowth(growth, config.levels).code,
      isDistributor: false,
      referralCode: null,
      signupRef: null,
      ...fields,
    })
  }
  const earn = (
    memberId: string,
    delta: number,
    type: string,
    reason: string,
    atMs: number,
    refId: string | null = null,
  ): void => {
    state.ledger.push({
      id: newId(state, 'pt'),
      memberId,
      delta,
      type,
      reason,
      refId,
      createdAt: at(atMs),
      expiresAt: endOfNextYear(atMs, timeZone),
    })
  }

  const ids = SEED_MEMBERS

  /**
   * Lina's points mall: two addresses and a redemption in every state (completed virtual and physical, shipped,
   * pending shipment, cancelled), so an operator sees each at once. States follow from the times, as for any
   * redemption. A grant of exactly what the standing redemptions cost keeps her balance where it was.
   */
  function seedKolMallHistory(): void {
    const memberId = ids.kol
    const home = {
      name: '莉娜',
      phone: '13800000003',
      region: ['上海市', '上海市', '静安区'],
      detail: '南京西路 1266 号 12 楼',
    }
    state.addresses.push(
      {
        id: 'addr-kol-home',
        memberId,
        ...home,
        region: [...home.region],
        isDefault: true,
        createdAt: at(daysAgo(150)),
      },
      {
        id: 'addr-kol-studio',
        memberId,
        name: '莉娜工作室',
        phone: '13800000003',
        region: ['上海市', '上海市', '徐汇区'],
        detail: '漕溪北路 398 号 5 楼',
        isDefault: false,
        createdAt: at(daysAgo(100)),
      },
    )
    earn(memberId, 1250, 'adjustment', '积分商城体验积分', daysAgo(130))
    const redeemed = (id: string, giftId: string, madeMs: number, code: string | null, cancelledMs?: number) => {
      const gift = GIFTS.find((candidate) => candidate.id === giftId)
      if (!gift) throw new Error(`Seed gift ${giftId} is missing`)
      const spendId = newId(state, 'pt')
      state.ledger.push({
        id: spendId,
        memberId,
        delta: -gift.pointsCost,
        type: 'redemption',
        reason: `兑换 ${gift.name}`,
        refId: id,
        createdAt: at(madeMs),
        expiresAt: null,
      })
      if (cancelledMs !== undefined) {
        const lines = state.ledger.filter((entry) => entry.memberId === memberId)
        for (const lot of lotsTakenBy(lines, spendId))
          state.ledger.push({
            id: newId(state, 'pt'),
            memberId,
            delta: lot.points,
            type: 'redemption_cancel',
            reason: `取消兑换 ${gift.name}`,
            refId: id,
            createdAt: at(cancelledMs),
            expiresAt: lot.expiresAt,
          })
      }
      const isPhysical = gift.kind === 'physical'
      state.redemptions.push({
        id,
        memberId,
        giftId,
        giftName: gift.name,
        giftImage: gift.images[0] ?? null,
        kind: gift.kind,
        quantity: 1,
        pointsSpent: gift.pointsCost,
        ledgerEntryId: spendId,
        code,
        address: isPhysical ? { ...home, region: [...home.region] } : null,
        createdAt: at(madeMs),
        completedAt: isPhysical ? null : at(madeMs),
        cancelledAt: cancelledMs === undefined ? null : at(cancelledMs),
      })
    }
    redeemed('rd-kol-ebook', 'gift-ebook', daysAgo(30), 'FL-K7QP-3MXA')
    redeemed('rd-kol-cleanser', 'gift-cleanser-mini', daysAgo(12), null)
    redeemed('rd-kol-bottle', 'gift-bottle', daysAgo(10), null, daysAgo(10) + 3 * HOUR_MS)
    redeemed('rd-kol-tote-shipped', 'gift-tote', daysAgo(4), null)
    redeemed('rd-kol-tote-pending', 'gift-tote', nowMs - 5 * HOUR_MS, null)
  }
  addMember({
    id: ids.official,
    nickname: 'FanLoop 官方',
    avatarUrl: placeholderImage('avatars/official'),
    growth: 9000,
    createdAt: at(daysAgo(720)),
  })
  addMember({
    id: ids.newMember,
    nickname: '新朋友',
    nicknameSetByMember: false,
    phone: '13800000001',
    createdAt: at(nowMs - HOUR_MS),
  })

  addMember({
    id: ids.streak,
    nickname: '小满',
    avatarUrl: placeholderImage('avatars/xiaoman'),
    phone: '13800000002',
    growth: 260,
    createdAt: at(daysAgo(40)),
  })
  earn(ids.streak, 100, 'adjustment', '新人注册礼', daysAgo(40))
  earn(ids.streak, 200, 'task', '首次发布笔记', daysAgo(30))
  // Day 6 of the streak is today, not yet checked in: the five business days before it are, with the ladder's rewards.
  for (let streakDay = 1; streakDay <= 5; streakDay += 1) {
    const date = addDays(today, streakDay - 6)
    const checkedAt = instantOfDay(date, timeZone, '08:30')
    const checkinId = newId(state, 'ci')
    state.checkins.push({ id: checkinId, memberId: ids.streak, date, isMakeup: false, createdAt: at(checkedAt) })
    const points = checkinPoints(streakDay, config.checkin, 100)
    earn(ids.streak, points, 'checkin', `每日签到 第 ${streakDay} 天`, checkedAt, checkinId)
  }

  addMember({
    id: ids.kol,
    nickname: '莉娜 Lina',
    avatarUrl: placeholderImage('avatars/lina'),
    phone: '13800000003',
    growth: 3650,
    isDistributor: true,
    referralCode: SEED_REFERRAL_CODES.kol,
    createdAt: at(daysAgo(200)),
  })
  earn(ids.kol, 1200, 'adjustment', '达人共创活动奖励', daysAgo(120))
  earn(ids.kol, 980, 'task', '邀请好友注册奖励', daysAgo(60))
  earn(ids.kol, 500, 'post', '优质笔记奖励', daysAgo(20))
  seedKolMallHistory()

  addMember({
    id: ids.expiring,
    nickname: '老周',
    avatarUrl: placeholderImage('avatars/laozhou'),
    phone: '13800000004',
    growth: 1200,
    createdAt: at(daysAgo(400)),
  })
  // Migrated from the brand's old loyalty system with its own expiry date, so some points expire within 30 days of any "now".
  const migratedExpiry = instantOfDay(addDays(today, 20), timeZone, '23:59') + 59 * 1000
  state.ledger.push({
    id: newId(state, 'pt'),
    memberId: ids.expiring,
    delta: 800,
    type: 'migration',
    reason: '旧会员系统积分迁入',
    refId: null,
    createdAt: at(daysAgo(400)),
    expiresAt: at(migratedExpiry),
  })
  earn(ids.expiring, 300, 'task', '完成新品试用问卷', daysAgo(10))

  const thisMonth = today.slice(0, 7)
  addMember({
    id: ids.birthday,
    nickname: '阿杏',
    avatarUrl: placeholderImage('avatars/axing'),
    phone: '13800000005',
    growth: 1500,
    birthday: `1995-${thisMonth.slice(5)}-08`,
    createdAt: at(daysAgo(300)),
  })
  earn(ids.birthday, 600, 'task', '完善个人资料', daysAgo(300))

  addMember({
    id: ids.mentor,
    nickname: '喵姐',
    avatarUrl: placeholderImage('avatars/miao'),
    phone: '13800000006',
    growth: 1800,
    isDistributor: true,
    referralCode: SEED_REFERRAL_CODES.mentor,
    signupRef: SEED_REFERRAL_CODES.kol,
    createdAt: at(daysAgo(90)),
  })
  earn(ids.mentor, 420, 'task', '邀请好友注册奖励', daysAgo(80))
  const bind = (
    memberId: string,
    distributorId: string,
    source: 'card' | 'link' | 'post' | 'code',
    boundMs: number,
  ): void => {
    state.bindings.push({
      memberId,
      distributorId,
      source,
      boundAt: at(boundMs),
      protectedUntil: at(boundMs + config.distribution.bindingDays * DAY_MS),
    })
  }
  bind(ids.mentor, ids.kol, 'code', daysAgo(90))

  const sources = ['card', 'link', 'post', 'code'] as const
  FAN_NICKNAMES.forEach((nickname, index) => {
    const number = index + 1
    const id = `m-fan-${String(number).padStart(2, '0')}`
    const boundMs = daysAgo(number * 4, 3)
    addMember({
      id,
      nickname,
      phone: `139000001${String(number).padStart(2, '0')}`,
      growth: 20 * number,
      signupRef: SEED_REFERRAL_CODES.kol,
      createdAt: at(boundMs),
    })
    bind(id, ids.kol, sources[index % sources.length] ?? 'link', boundMs)
  })

  const orderThroughKol = (
    fanNumber: number,
    productId: string,
    quantity: number,
    ageDays: number,
    isRefunded: boolean,
  ): void => {
    const product = state.products.find((candidate) => candidate.id === productId)
    if (!product) throw new Error(`Seed product ${productId} is missing`)
    const orderId = newId(state, 'o')
    const createdMs = daysAgo(ageDays)
    const amountFen = product.priceFen * quantity
    const settlesMs = createdMs + config.distribution.settleDays * DAY_MS
    state.orders.push({
      id: orderId,
      memberId: `m-fan-${String(fanNumber).padStart(2, '0')}`,
      productId,
      quantity,
      amountFen,
      status: isRefunded ? 'refunded' : 'paid',
      ref: SEED_REFERRAL_CODES.kol,
      createdAt: at(createdMs),
    })
    state.commissions.push({
      id: newId(state, 'cm'),
      distributorId: ids.kol,
      orderId,
      amountFen: Math.floor((amountFen * config.distribution.commissionRateBps) / 10000),
      status: isRefunded ? 'reversed' : settlesMs <= nowMs ? 'settled' : 'pending',
      settlesAt: at(settlesMs),
      createdAt: at(createdMs),
    })
  }
  orderThroughKol(1, 'p-serum', 1, 2, false)
  orderThroughKol(2, 'p-cleanser', 2, 5, false)
  orderThroughKol(3, 'p-sunscreen', 1, 12, false)
  orderThroughKol(4, 'p-giftbox', 1, 20, false)
  orderThroughKol(5, 'p-serum', 1, 6, true)

  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  const monday = addDays(today, -((weekday + 6) % 7))
  const post = (
    fields: Partial<PostRecord> & Pick<PostRecord, 'id' | 'authorId' | 'text' | 'section' | 'createdAt'>,
  ): void => {
    state.posts.push({
      images: [],
      topic: null,
      status: 'published',
      isPinned: false,
      baseLikeCount: 0,
      baseCommentCount: 0,
      likedBy: [],
      ...fields,
    })
  }
  post({
    id: 'post-challenge',
    authorId: ids.official,
    section: 'recommend',
    topic: '七日打卡挑战',
    isPinned: true,
    text: '【七日打卡挑战】本周一 00:00 至周日 24:00，每天来签到，连续 7 天即可获得「自律达人」电子徽章！第 3 天、第 7 天还有额外积分奖励，一起坚持吧～',
    images: [placeholderImage('posts/challenge')],
    baseLikeCount: 328,
    baseCommentCount: 56,
    createdAt: at(instantOfDay(monday, timeZone, '00:00')),
  })
  post({
    id: 'post-r1',
    authorId: ids.kol,
    section: 'recommend',
    topic: '护肤心得',
    text: '换季干皮救星！早晚各一次，连用两周，上妆终于不卡粉了。成分表放在图二，大家按需入～',
    images: [placeholderImage('posts/r1-1'), placeholderImage('posts/r1-2')],
    baseLikeCount: 214,
    baseCommentCount: 31,
    createdAt: at(nowMs - 3 * HOUR_MS),
  })
  post({
    id: 'post-r2',
    authorId: ids.birthday,
    section: 'recommend',
    topic: '好物种草',
    text: '积分换的帆布袋到了，比想象中厚实，装电脑都没问题 👍',
    images: [placeholderImage('posts/r2-1')],
    baseLikeCount: 45,
    baseCommentCount: 6,
    createdAt: at(nowMs - 9 * HOUR_MS),
  })
  post({
    id: 'post-r3',
    authorId: ids.streak,
    section: 'recommend',
    topic: '七日打卡挑战',
    text: '打卡第 5 天！明天继续，争取拿到徽章 💪',
    baseLikeCount: 18,
    baseCommentCount: 4,
    createdAt: at(nowMs - 20 * HOUR_MS),
  })
  post({
    id: 'post-r4',
    authorId: 'm-fan-06',
    section: 'recommend',
    topic: '新人报到',
    text: '新人报到～被朋友安利来的，请多指教！',
    baseLikeCount: 9,
    baseCommentCount: 3,
    createdAt: at(daysAgo(2)),
  })
  post({
    id: 'post-h1',
    authorId: ids.kol,
    section: 'hot',
    topic: '好物种草',
    text: '本月爆款 TOP3：精华、防晒、洁面，一套下来预算不到 500，学生党也能冲。',
    images: [placeholderImage('posts/h1-1'), placeholderImage('posts/h1-2'), placeholderImage('posts/h1-3')],
    baseLikeCount: 1280,
    baseCommentCount: 142,
    createdAt: at(daysAgo(1)),
  })
  post({
    id: 'post-h2',
    authorId: ids.mentor,
    section: 'hot',
    topic: '晒单分享',
    text: '香氛礼盒开箱！三个味道里最爱第二款，木质调很高级。',
    images: [placeholderImage('posts/h2-1')],
    baseLikeCount: 860,
    baseCommentCount: 77,
    createdAt: at(daysAgo(2, 5)),
  })
  post({
    id: 'post-h3',
    authorId: ids.expiring,
    section: 'hot',
    topic: '护肤心得',
    text: '男士护肤其实很简单：洁面 + 保湿 + 防晒，坚持比贵更重要。',
    baseLikeCount: 530,
    baseCommentCount: 48,
    createdAt: at(daysAgo(3)),
  })
  post({
    id: 'post-h4',
    authorId: 'm-fan-01',
    section: 'hot',
    topic: '晒单分享',
    text: '跟着 Lina 入的精华，用完半瓶来反馈：真的有被惊艳到。',
    images: [placeholderImage('posts/h4-1')],
    baseLikeCount: 402,
    baseCommentCount: 29,
    createdAt: at(daysAgo(4)),
  })
  post({
    id: 'post-e1',
    authorId: ids.kol,
    section: 'earn',
    topic: '好物种草',
    text: '我的回购清单第一名：玻尿酸精华液。通过我的链接下单，我会收到一点佣金，但推荐只因为真的好用～',
    images: [placeholderImage('posts/e1-1')],
    baseLikeCount: 320,
    baseCommentCount: 40,
    createdAt: at(nowMs - 5 * HOUR_MS),
  })
  post({
    id: 'post-e2',
    authorId: ids.mentor,
    section: 'earn',
    topic: '好物种草',
    text: '夏天必备清透防晒喷雾，补涂不花妆，出门旅行就靠它。',
    images: [placeholderImage('posts/e2-1')],
    baseLikeCount: 150,
    baseCommentCount: 12,
    createdAt: at(daysAgo(1, 4)),
  })
  post({
    id: 'post-e3',
    authorId: ids.kol,
    section: 'earn',
    topic: '晒单分享',
    text: '节日送礼不踩雷：香氛礼盒三件套，包装直接就能送。',
    images: [placeholderImage('posts/e3-1'), placeholderImage('posts/e3-2')],
    baseLikeCount: 275,
    baseCommentCount: 22,
    createdAt: at(daysAgo(5)),
  })
  // Not public: only their authors see these, so lists must leave them out.
  post({
    id: 'post-pending',
    authorId: 'm-fan-07',
    section: 'recommend',
    text: '刚发的笔记，等待审核中～',
    status: 'pending',
    createdAt: at(nowMs - HOUR_MS),
  })
  post({
    id: 'post-rejected',
    authorId: 'm-fan-08',
    section: 'recommend',
    text: '加我微信领优惠（违规引流示例）',
    status: 'rejected',
    createdAt: at(daysAgo(1)),
  })
  post({
    id: 'post-hidden',
    authorId: 'm-fan-09',
    section: 'hot',
    text: '被多人举报后隐藏的笔记',
    status: 'hidden',
    createdAt: at(daysAgo(6)),
  })

  // What the personas did before now (posts, fans, a completed profile) was rewarded back then: record it, pay nothing.
  for (const member of state.members) settleTasks(state, member, nowMs, { pay: false })

  return state
}
