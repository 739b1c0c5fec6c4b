import type { Ctx } from '../platform/http'
import { DAY_MS, HOUR_MS } from '../platform/clock'
import { addDays, businessDay, instantOfDay } from '../platform/time'
import { createMember } from '../modules/account/service'
import { createEvent, createPost, createTopics, placeComment, publishPost, report } from '../modules/community/service'
import {
  bindByReferral,
  createInviteCodes,
  grantRights,
  recordCommission,
  seedWithdrawal,
  settleDueCommissions,
} from '../modules/distribution/service'
import { createPlans } from '../modules/plans/service'
import { addAddress, cancelRedemption, createGiftCategories, createGifts, redeem } from '../modules/mall/service'
import { claimMonthlyCoupon, monthlyCouponOf } from '../modules/coupons/service'
import { checkIn, defineTasks, settleTasks } from '../modules/membership/service'
import { createOrder, createProducts } from '../modules/orders/service'
import { addEntry } from '../modules/points/service'
import { FAN_NICKNAMES, GIFT_CATEGORIES, GIFTS, INVITE_CODES, PLANS, PRODUCTS, TASKS, TOPICS } from './catalogue'
import { SEED_MEMBERS, SEED_REFERRAL_CODES } from './personas'
import { placeholderImage } from './placeholder-image'

const ids = SEED_MEMBERS

/**
 * A fresh program: the catalogue, then the personas' histories, each made through the services at a pinned
 * clock (what happened N days ago is done with the clock at N days ago), so every ledger entry, lot, stock and
 * streak is what the live server would have written. Histories are placed relative to `ctx.nowMs`.
 *
 * `catalogue` is the program alone (gift categories, gifts, topics, tasks, products, plans): no demo members, posts,
 * orders or commissions, and none of the invite codes this repository publishes. A brand's live database starts
 * there: the demo members carry real-looking phone numbers that, behind a real SMS gateway, their owners could sign
 * in with.
 */
export type SeedKind = 'demo' | 'catalogue'

export const seed = async (ctx: Ctx, kind: SeedKind = 'demo'): Promise<void> => {
  const { timeZone } = ctx.config
  const at = (ms: number): Ctx => ({ ...ctx, nowMs: ms })
  const daysAgo = (days: number, hours = 0): number => ctx.nowMs - days * DAY_MS - hours * HOUR_MS
  const today = businessDay(ctx.nowMs, timeZone)
  const member = async (fields: Parameters<typeof createMember>[1] & { id: string; createdAt: number }) => {
    const row = await createMember(at(fields.createdAt), { nicknameSetByMember: true, ...fields })
    if (!row) throw new Error(`Seed member ${fields.id} clashes with another`)
    return row
  }
  const earn = (memberId: string, delta: number, type: string, reason: string, atMs: number) =>
    addEntry(at(atMs), memberId, { delta, type, reason, refId: null })

  await createGiftCategories(ctx, GIFT_CATEGORIES)
  await createGifts(ctx, GIFTS)
  await createTopics(ctx, TOPICS)
  await defineTasks(ctx, TASKS)
  await createProducts(ctx, PRODUCTS)
  await createPlans(ctx, PLANS)
  if (kind === 'catalogue') return
  await createInviteCodes(ctx, INVITE_CODES)

  await member({
    id: ids.official,
    nickname: 'FanLoop 官方',
    avatarUrl: placeholderImage('avatars/official'),
    growth: 9000,
    createdAt: daysAgo(720),
  })
  await member({
    id: ids.newMember,
    nickname: '新朋友',
    nicknameSetByMember: false,
    phone: '13800000001',
    createdAt: ctx.nowMs - HOUR_MS,
  })

  // Day 6 of the streak is today, not yet checked in: the five business days before it are, at 08:30 each.
  const streak = await member({
    id: ids.streak,
    nickname: '小满',
    avatarUrl: placeholderImage('avatars/xiaoman'),
    phone: '13800000002',
    growth: 235,
    createdAt: daysAgo(40),
  })
  await earn(ids.streak, 100, 'adjustment', '新人注册礼', daysAgo(40))
  await earn(ids.streak, 200, 'task', '首次发布笔记', daysAgo(30))
  for (let streakDay = 1; streakDay <= 5; streakDay += 1)
    await checkIn(at(instantOfDay(addDays(today, streakDay - 6), timeZone, '08:30')), streak)

  // Lina: a V4 KOL with fans, commission, two addresses and a redemption in every state.
  const kol = await member({
    id: ids.kol,
    nickname: '莉娜 Lina',
    avatarUrl: placeholderImage('avatars/lina'),
    phone: '13800000003',
    growth: 3650,
    isDistributor: true,
    referralCode: SEED_REFERRAL_CODES.kol,
    createdAt: daysAgo(200),
  })
  await grantRights(at(daysAgo(180)), ids.kol, 'invite_code')
  await earn(ids.kol, 1200, 'adjustment', '达人共创活动奖励', daysAgo(120))
  await earn(ids.kol, 980, 'task', '邀请好友注册奖励', daysAgo(60))
  await earn(ids.kol, 500, 'post', '优质笔记奖励', daysAgo(20))
  const home = {
    name: '莉娜',
    phone: '13800000003',
    region: ['上海市', '上海市', '静安区'],
    detail: '南京西路 1266 号 12 楼',
  }
  const homeAddress = await addAddress(at(daysAgo(150)), kol, { ...home, isDefault: true })
  await addAddress(at(daysAgo(100)), kol, {
    name: '莉娜工作室',
    phone: '13800000003',
    region: ['上海市', '上海市', '徐汇区'],
    detail: '漕溪北路 398 号 5 楼',
  })
  // Enough for the redemptions below, so her balance is what the three grants above say.
  await earn(ids.kol, 1250, 'adjustment', '积分商城体验积分', daysAgo(130))
  const redeemAt = (giftId: string, madeMs: number, isPhysical: boolean) =>
    redeem(at(madeMs), kol, { giftId, quantity: 1, ...(isPhysical ? { addressId: homeAddress.id } : {}) })
  await redeemAt('gift-ebook', daysAgo(30), false)
  await redeemAt('gift-cleanser-mini', daysAgo(12), true)
  const cancelled = await redeemAt('gift-bottle', daysAgo(10), true)
  await cancelRedemption(at(daysAgo(10) + 3 * HOUR_MS), kol, cancelled.id)
  await redeemAt('gift-tote', daysAgo(4), true)
  await redeemAt('gift-tote', ctx.nowMs - 5 * HOUR_MS, true)

  // Migrated from the brand's old loyalty system with its own expiry, so some points expire within 30 days of now.
  await member({
    id: ids.expiring,
    nickname: '老周',
    avatarUrl: placeholderImage('avatars/laozhou'),
    phone: '13800000004',
    growth: 1200,
    createdAt: daysAgo(400),
  })
  await addEntry(at(daysAgo(400)), ids.expiring, {
    delta: 800,
    type: 'migration',
    reason: '旧会员系统积分迁入',
    refId: null,
    expiresAt: instantOfDay(addDays(today, 20), timeZone, '23:59') + 59 * 1000,
  })
  await earn(ids.expiring, 300, 'task', '完成新品试用问卷', daysAgo(10))

  const birthday = await member({
    id: ids.birthday,
    nickname: '阿杏',
    avatarUrl: placeholderImage('avatars/axing'),
    phone: '13800000005',
    growth: 1500,
    birthday: `1995-${today.slice(5, 7)}-08`,
    createdAt: daysAgo(300),
  })
  await earn(ids.birthday, 600, 'task', '完善个人资料', daysAgo(300))
  // This month's level coupon, claimed and not spent, so 我的卡券 has one to use (a config whose V3 gives none:
  // nothing to claim, and the wallet stays empty).
  if ((await monthlyCouponOf(ctx, birthday)).status === 'available') await claimMonthlyCoupon(ctx, birthday)

  await member({
    id: ids.mentor,
    nickname: '喵姐',
    avatarUrl: placeholderImage('avatars/miao'),
    phone: '13800000006',
    growth: 1800,
    isDistributor: true,
    referralCode: SEED_REFERRAL_CODES.mentor,
    signupRef: SEED_REFERRAL_CODES.kol,
    createdAt: daysAgo(90),
  })
  await earn(ids.mentor, 420, 'task', '邀请好友注册奖励', daysAgo(80))
  await bindByReferral(at(daysAgo(90)), ids.mentor, SEED_REFERRAL_CODES.kol, 'code', { isSignup: true })
  await grantRights(at(daysAgo(60)), ids.mentor, 'task')

  // Lina's first 分享赚 post, two months old: the 笔记 fans below came through it, so 我的粉丝 and 笔记带来的粉丝 name it.
  await createPost(at(daysAgo(EARLY_POST_DAYS)), {
    id: 'post-e3',
    authorId: ids.kol,
    section: 'earn',
    topic: '晒单分享',
    text: '节日送礼不踩雷：香氛礼盒三件套，包装直接就能送。',
    images: [placeholderImage('posts/e3-1'), placeholderImage('posts/e3-2')],
    baseLikeCount: 275,
    productId: 'p-giftbox',
  })
  const sources = ['card', 'link', 'post', 'code', 'scene'] as const
  for (const [index, nickname] of FAN_NICKNAMES.entries()) {
    const number = String(index + 1).padStart(2, '0')
    const boundMs = daysAgo((index + 1) * 4, 3)
    await member({
      id: `m-fan-${number}`,
      nickname,
      phone: `139000001${number}`,
      growth: 20 * (index + 1),
      signupRef: SEED_REFERRAL_CODES.kol,
      createdAt: boundMs,
    })
    const source = sources[index % sources.length] ?? 'link'
    await bindByReferral(at(boundMs), `m-fan-${number}`, SEED_REFERRAL_CODES.kol, source, {
      isSignup: true,
      postId: source === 'post' ? 'post-e3' : null,
    })
  }

  const orderThroughKol = async (
    fan: number,
    productId: string,
    quantity: number,
    ageDays: number,
    isRefunded: boolean,
  ) => {
    const orderCtx = at(daysAgo(ageDays))
    const memberId = `m-fan-${String(fan).padStart(2, '0')}`
    const order = await createOrder(orderCtx, {
      memberId,
      productId,
      quantity,
      ref: SEED_REFERRAL_CODES.kol,
      isRefunded,
    })
    await recordCommission(orderCtx, { ...order, isRefunded }, ids.kol)
  }
  await orderThroughKol(1, 'p-serum', 1, 2, false)
  await orderThroughKol(2, 'p-cleanser', 2, 5, false)
  await orderThroughKol(3, 'p-sunscreen', 1, 12, false)
  await orderThroughKol(4, 'p-giftbox', 1, 20, false)
  await orderThroughKol(5, 'p-serum', 1, 6, true)
  await settleDueCommissions(ctx)
  // A withdrawal paid out of the settled commission, leaving some to withdraw.
  await seedWithdrawal(at(daysAgo(9)), ids.kol, 2000, { status: 'paid', reason: null, at: daysAgo(8) })
  // An arrival that did not bind: Lina through her own code. (Her fans coming back through it, the mentor among
  // them, are hers already: no lost arrival.)
  await bindByReferral(at(daysAgo(2)), ids.kol, SEED_REFERRAL_CODES.kol, 'link')

  await seedPosts(ctx, at, daysAgo, today)

  // A member whose post the review turned down: posted yesterday evening through the community's own posting path,
  // so the rejection and its reason are the review's (a banned word), exactly what 我的笔记 shows a real author.
  await member({
    id: ids.rejectedPost,
    nickname: '阿宁',
    avatarUrl: placeholderImage('avatars/aning'),
    phone: '13800000007',
    growth: 260,
    createdAt: daysAgo(15),
  })
  await earn(ids.rejectedPost, 100, 'adjustment', '新人注册礼', daysAgo(15))
  const rejected = await publishPost(
    at(instantOfDay(addDays(today, -1), timeZone, '20:00')),
    ids.rejectedPost,
    { text: '周末拼团啦！帮忙刷单的姐妹返现 5 元，私信我拉你进群～', topic: '好物种草' },
    // No pictures, so no origin to hold them to.
    '',
  )
  if (rejected.status !== 'rejected')
    throw new Error(
      `Seed: the review let the post-rejected persona's post through (${rejected.status}); its banned words must include 刷单`,
    )

  // What the personas did before now (posts, fans, a completed profile) was rewarded back then: record it, pay nothing.
  const [{ memberIds }] = (await ctx.sql.query<{ memberIds: string[] }>(
    `SELECT coalesce(array_agg(id ORDER BY id), '{}') AS "memberIds" FROM members`,
  )) as [{ memberIds: string[] }]
  for (const memberId of memberIds) await settleTasks(ctx, memberId, { pay: false })
}

/** How old Lina's first 分享赚 post is: older than every fan it brought. */
const EARLY_POST_DAYS = 60

const seedPosts = async (
  ctx: Ctx,
  at: (ms: number) => Ctx,
  daysAgo: (days: number, hours?: number) => number,
  today: string,
): Promise<void> => {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  const monday = addDays(today, -((weekday + 6) % 7))
  const post = (atMs: number, fields: Parameters<typeof createPost>[1]) => createPost(at(atMs), fields)
  await post(instantOfDay(monday, ctx.config.timeZone, '00:00'), {
    id: 'post-challenge',
    authorId: ids.official,
    section: 'recommend',
    topic: '七日打卡挑战',
    isPinned: true,
    text: '【七日打卡挑战】本周一 00:00 至周日 24:00，7 天每天都来签到即可获得「自律达人」电子徽章（补签的日子不计入）！第 3 天、第 7 天还有额外积分奖励，一起坚持吧～',
    images: [placeholderImage('posts/challenge')],
    baseLikeCount: 328,
  })
  // The challenge the pinned post announces: this week, Monday 00:00 to Sunday 24:00 in the brand's time zone.
  await createEvent(ctx, {
    id: 'ev-challenge',
    postId: 'post-challenge',
    title: '七日打卡挑战',
    badgeName: '自律达人',
    startsOn: monday,
    endsOn: addDays(monday, 6),
  })
  const HOUR = HOUR_MS
  const now = ctx.nowMs
  const posts: [number, Parameters<typeof createPost>[1]][] = [
    [
      now - 3 * HOUR,
      {
        id: 'post-r1',
        authorId: ids.kol,
        section: 'recommend',
        topic: '护肤心得',
        text: '换季干皮救星！早晚各一次，连用两周，上妆终于不卡粉了。成分表放在图二，大家按需入～',
        images: [placeholderImage('posts/r1-1'), placeholderImage('posts/r1-2')],
        baseLikeCount: 214,
      },
    ],
    [
      now - 9 * HOUR,
      {
        id: 'post-r2',
        authorId: ids.birthday,
        section: 'recommend',
        topic: '好物种草',
        text: '积分换的帆布袋到了，比想象中厚实，装电脑都没问题 👍',
        images: [placeholderImage('posts/r2-1')],
        baseLikeCount: 45,
      },
    ],
    [
      now - 20 * HOUR,
      {
        id: 'post-r3',
        authorId: ids.streak,
        section: 'recommend',
        topic: '七日打卡挑战',
        text: '打卡第 5 天！明天继续，争取拿到徽章 💪',
        baseLikeCount: 18,
      },
    ],
    [
      daysAgo(2),
      {
        id: 'post-r4',
        authorId: 'm-fan-06',
        section: 'recommend',
        topic: '新人报到',
        text: '新人报到～被朋友安利来的，请多指教！',
        baseLikeCount: 9,
      },
    ],
    [
      daysAgo(1),
      {
        id: 'post-h1',
        authorId: ids.kol,
        section: 'hot',
        topic: '好物种草',
        text: '本月爆款 TOP3：精华、防晒、洁面，一套下来预算不到 500，学生党也能冲。',
        images: [placeholderImage('posts/h1-1'), placeholderImage('posts/h1-2'), placeholderImage('posts/h1-3')],
        baseLikeCount: 1280,
      },
    ],
    [
      daysAgo(2, 5),
      {
        id: 'post-h2',
        authorId: ids.mentor,
        section: 'hot',
        topic: '晒单分享',
        text: '香氛礼盒开箱！三个味道里最爱第二款，木质调很高级。',
        images: [placeholderImage('posts/h2-1')],
        baseLikeCount: 860,
      },
    ],
    [
      daysAgo(3),
      {
        id: 'post-h3',
        authorId: ids.expiring,
        section: 'hot',
        topic: '护肤心得',
        text: '男士护肤其实很简单：洁面 + 保湿 + 防晒，坚持比贵更重要。',
        baseLikeCount: 530,
      },
    ],
    [
      daysAgo(4),
      {
        id: 'post-h4',
        authorId: 'm-fan-01',
        section: 'hot',
        topic: '晒单分享',
        text: '跟着 Lina 入的精华，用完半瓶来反馈：真的有被惊艳到。',
        images: [placeholderImage('posts/h4-1')],
        baseLikeCount: 402,
      },
    ],
    [
      now - 5 * HOUR,
      {
        id: 'post-e1',
        authorId: ids.kol,
        section: 'earn',
        topic: '好物种草',
        text: '我的回购清单第一名：玻尿酸精华液。通过我的链接下单，我会收到一点佣金，但推荐只因为真的好用～',
        images: [placeholderImage('posts/e1-1')],
        baseLikeCount: 320,
        productId: 'p-serum',
      },
    ],
    [
      daysAgo(1, 4),
      {
        id: 'post-e2',
        authorId: ids.mentor,
        section: 'earn',
        topic: '好物种草',
        text: '夏天必备清透防晒喷雾，补涂不花妆，出门旅行就靠它。',
        images: [placeholderImage('posts/e2-1')],
        baseLikeCount: 150,
        productId: 'p-sunscreen',
      },
    ],
    // Not public: only their authors see these, so lists must leave them out.
    [
      now - HOUR,
      {
        id: 'post-pending',
        authorId: 'm-fan-07',
        section: 'recommend',
        text: '刚发的笔记，等待审核中～',
        status: 'pending',
      },
    ],
    [
      daysAgo(1),
      {
        id: 'post-rejected',
        authorId: 'm-fan-08',
        section: 'recommend',
        text: '加我微信领优惠（违规引流示例）',
        status: 'rejected',
      },
    ],
    // Published, then hidden below by five members' reports: it waits in the operator's review queue (待复核).
    [daysAgo(6), { id: 'post-hidden', authorId: 'm-fan-09', section: 'hot', text: '被多人举报后隐藏的笔记' }],
  ]
  for (const [atMs, fields] of posts) await post(atMs, fields)
  for (const [index, reason] of (['spam', 'spam', 'abuse', 'misinformation', 'other'] as const).entries())
    await report(at(daysAgo(5, index)), `m-fan-0${index + 1}`, 'post-hidden', { reason })

  // Real comments, so a post's count is what its page lists: [post, minutes after the post, author, text, reply to].
  // post-r2 and post-r4 have none: tests comment on them and find their own thread first.
  const postedAt = new Map(posts.map(([atMs, fields]) => [fields.id, atMs]))
  postedAt.set('post-challenge', instantOfDay(monday, ctx.config.timeZone, '00:00'))
  postedAt.set('post-e3', daysAgo(EARLY_POST_DAYS))
  const comments: [string, number, string, string, string?][] = [
    ['post-challenge', 30, 'm-fan-02', '报名了！第 3 天的额外积分好评～'],
    ['post-challenge', 45, 'm-fan-03', '上周差一天没坚持下来，这次一定拿到徽章'],
    ['post-challenge', 50, ids.official, '加油！徽章只认当天的签到，补签的日子不计入挑战，每天记得来哦', 'c-seed-2'],
    ['post-r1', 20, 'm-fan-02', '同干皮，求问是早上也用吗？'],
    ['post-r1', 35, ids.kol, '早晚都用，早上薄涂一层就好～', 'c-seed-4'],
    ['post-r1', 90, 'm-fan-04', '成分表好评，已加购物车'],
    ['post-r3', 40, 'm-fan-05', '一起冲！我也第 5 天了'],
    ['post-h1', 60, 'm-fan-03', '学生党感谢整理！'],
    ['post-h1', 75, 'm-fan-10', '防晒是哪一款呀？'],
    ['post-h1', 80, ids.kol, '清透防晒喷雾，分享赚里有链接～', 'c-seed-9'],
    ['post-h2', 45, 'm-fan-11', '第二款的味道太戳我了'],
    ['post-h3', 30, 'm-fan-04', '坚持比贵更重要，说得太对了'],
    ['post-h4', 50, 'm-fan-05', '同款精华 +1，吸收很快'],
    ['post-h4', 70, 'm-fan-02', '用了多久开始见效的？'],
    ['post-e1', 60, 'm-fan-10', '回购清单第一名，必须试试'],
    ['post-e2', 45, 'm-fan-11', '补涂真的方便，包里常备'],
    ['post-e3', 90, ids.mentor, '包装好看，送闺蜜正合适'],
  ]
  for (const [index, [postId, minutes, authorId, text, replyTo]] of comments.entries()) {
    const postMs = postedAt.get(postId)
    if (postMs === undefined) throw new Error(`Seed comment on a post the seed has not placed: ${postId}`)
    // Never after now (the week's challenge post is placed at Monday 00:00, which may be minutes ago).
    const commentMs = Math.min(postMs + minutes * 60_000, ctx.nowMs)
    await placeComment(at(commentMs), { id: `c-seed-${index + 1}`, postId, authorId, text, replyTo })
  }
}
