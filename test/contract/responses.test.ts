import type { AllEndpointName, Endpoint } from '../../src/contract/all'
import { allEndpoints } from '../../src/contract/all'
import { mockEndpoints } from '../../mock/preview/endpoints'
import { comment, createPost, PNG, reportByNewMembers, uploadBytes } from './support/community'
import type { ApiResponse } from './support/client'
import {
  createApiClient,
  describeWithMockRoutes,
  expectShape,
  hasMockRoutes,
  newKey,
  randomPhone,
  signInAsPersona,
  signUp,
} from './support/client'
import { readClock, lockMockClock } from './support/clock'
import { addAddress, redeem, sampleAddress } from './support/mall'
import { becomeDistributor, buy } from './support/distribution'

const api = createApiClient()
// The make-up sample moves the clock.
lockMockClock(api)

type Call = (token: string) => Promise<ApiResponse>

const grant = (token: string, body: { points?: number; growth?: number }) =>
  api.request('POST', '/__mock/grant', { token, body, idempotencyKey: newKey() })

// Keyed by endpoint name, so a new endpoint does not compile until it has a sample call here (null: it needs
// the /__mock routes to reach a success, and the backend has none).
const contractCalls: Record<AllEndpointName, Call | null> = {
  health: () => api.request('GET', '/health'),
  openapi: () => api.request('GET', '/openapi.json'),
  appConfig: () => api.request('GET', '/app/config'),
  sendSms: () => api.request('POST', '/auth/sms', { body: { phone: randomPhone() } }),
  signInByPhone: () => api.request('POST', '/auth/phone', { body: { phone: randomPhone(), smsCode: '123456' } }),
  signInByWechat: () =>
    api.request('POST', '/auth/wechat', { body: { code: `code-${newKey()}`, installId: `i_${newKey()}` } }),
  signOut: async () => api.request('POST', '/auth/logout', { token: (await signUp(api)).token }),
  me: (token) => api.request('GET', '/me', { token }),
  updateMe: (token) => api.request('PATCH', '/me', { token, body: { nickname: '契约测试' } }),
  gifts: (token) => api.request('GET', '/gifts?limit=50', { token }),
  giftCategories: () => api.request('GET', '/gift-categories'),
  gift: () => api.request('GET', '/gifts/gift-tote'),
  addresses: async (token) => {
    await addAddress(api, token)
    return api.request('GET', '/addresses', { token })
  },
  createAddress: (token) => api.request('POST', '/addresses', { token, body: sampleAddress() }),
  updateAddress: async (token) => {
    const address = await addAddress(api, token)
    return api.request('PATCH', `/addresses/${address.id}`, { token, body: { detail: '科技园南路 99 号' } })
  },
  deleteAddress: async (token) => {
    const address = await addAddress(api, token)
    return api.request('DELETE', `/addresses/${address.id}`, { token })
  },
  redeem: hasMockRoutes
    ? async (token) => {
        await grant(token, { points: 150 })
        return redeem(api, token, { giftId: 'gift-ebook' })
      }
    : null,
  redemptions: hasMockRoutes
    ? async (token) => {
        await grant(token, { points: 150 })
        await redeem(api, token, { giftId: 'gift-ebook' })
        return api.request('GET', '/redemptions?limit=5', { token })
      }
    : null,
  redemption: hasMockRoutes
    ? async (token) => {
        await grant(token, { points: 150 })
        const { id } = (await redeem(api, token, { giftId: 'gift-ebook' })).body as { id: string }
        return api.request('GET', `/redemptions/${id}`, { token })
      }
    : null,
  cancelRedemption: hasMockRoutes
    ? async (token) => {
        await grant(token, { points: 300 })
        const address = await addAddress(api, token)
        const { id } = (await redeem(api, token, { giftId: 'gift-tote', addressId: address.id })).body as {
          id: string
        }
        return api.request('POST', `/redemptions/${id}/cancel`, { token, idempotencyKey: newKey() })
      }
    : null,
  posts: (token) => api.request('GET', '/posts?section=recommend', { token }),
  post: () => api.request('GET', '/posts/post-challenge'),
  topics: () => api.request('GET', '/topics'),
  createPost: (token) => createPost(api, token, { text: '契约测试的帖子' }),
  deletePost: async (token) => {
    const { id } = (await createPost(api, token, { text: '要删掉的帖子' })).body as { id: string }
    return api.request('DELETE', `/posts/${id}`, { token })
  },
  myPosts: async (token) => {
    await createPost(api, token, { text: '我的帖子' })
    return api.request('GET', '/me/posts', { token })
  },
  likePost: (token) => api.request('POST', '/posts/post-r1/like', { token, idempotencyKey: newKey() }),
  unlikePost: (token) => api.request('DELETE', '/posts/post-r1/like', { token, idempotencyKey: newKey() }),
  comments: async (token) => {
    const { id } = (await comment(api, token, 'post-r2', { text: '好用吗？' })).body as { id: string }
    await comment(api, token, 'post-r2', { text: '回复一下', replyTo: id })
    return api.request('GET', '/posts/post-r2/comments')
  },
  createComment: (token) => comment(api, token, 'post-r2', { text: '种草了' }),
  deleteComment: async (token) => {
    const { id } = (await comment(api, token, 'post-r2', { text: '删掉这条' })).body as { id: string }
    return api.request('DELETE', `/comments/${id}`, { token })
  },
  reportPost: (token) =>
    api.request('POST', '/posts/post-h1/report', { token, body: { reason: 'spam' }, idempotencyKey: newKey() }),
  reportComment: async (token) => {
    const other = await signUp(api)
    const written = await comment(api, other.token, 'post-h1', { text: '契约测试的评论' })
    const { id } = written.body as { id: string }
    return api.request('POST', `/comments/${id}/report`, { token, body: { reason: 'spam' }, idempotencyKey: newKey() })
  },
  upload: (token) => uploadBytes(api, token, PNG),
  events: (token) => api.request('GET', '/events', { token }),
  joinEvent: (token) => api.request('POST', '/events/ev-challenge/join', { token, idempotencyKey: newKey() }),
  certificates: (token) => api.request('GET', '/certificates', { token }),
  // A certificate takes a week of check-ins: community-challenge.test.ts checks its shape.
  certificate: null,
  checkinCalendar: (token) => api.request('GET', '/checkin/calendar', { token }),
  checkIn: (token) => api.request('POST', '/checkin', { token, idempotencyKey: newKey() }),
  makeUpCheckin: hasMockRoutes
    ? async (token) => {
        // The 14th of a month in the future: the 13th is a missed day of this month, after the member joined.
        const { today } = await readClock(api)
        const year = Number(today.slice(0, 4)) + 1
        await api.request('POST', '/__mock/clock', { body: { set: `${year}-05-14T10:00:00+08:00` } })
        await grant(token, { points: 100 })
        return api.request('POST', '/checkin/makeup', {
          token,
          body: { date: `${year}-05-13` },
          idempotencyKey: newKey(),
        })
      }
    : null,
  pointsSummary: (token) => api.request('GET', '/points/summary', { token }),
  pointsLedger: async (token) => {
    await api.request('POST', '/checkin', { token, idempotencyKey: newKey() })
    return api.request('GET', '/points/ledger?limit=5', { token })
  },
  tasks: (token) => api.request('GET', '/tasks', { token }),
  completeTask: async (token) => {
    const tasks = (await api.request('GET', '/tasks', { token })).body as {
      items: { id: string; isSelfReported: boolean }[]
    }
    const task = tasks.items.find((candidate) => candidate.isSelfReported)
    return api.request('POST', `/tasks/${task?.id ?? 'none'}/complete`, { token, idempotencyKey: newKey() })
  },
  levels: (token) => api.request('GET', '/levels', { token }),
  levelCelebrated: async (token) => {
    const { levelCode } = (await api.request('GET', '/levels', { token })).body as { levelCode: string }
    return api.request('POST', '/levels/celebrated', { token, body: { levelCode } })
  },
  birthdayGift: (token) => api.request('GET', '/birthday-gift', { token }),
  claimBirthdayGift: hasMockRoutes
    ? async (token) => {
        // V3 has the birthday gift; a birthday in this business month makes it available.
        await grant(token, { growth: 1000 })
        const { today } = await readClock(api)
        await api.request('PATCH', '/me', { token, body: { birthday: `1990-${today.slice(5, 7)}-01` } })
        return api.request('POST', '/birthday-gift/claim', { token, idempotencyKey: newKey() })
      }
    : null,
  distributionStatus: (token) => api.request('GET', '/distribution/status?client=h5', { token }),
  applyForDistribution: (token) =>
    api.request('POST', '/distribution/apply', { token, body: { route: 'application', note: '想分享好物' } }),
  distributionOverview: async (token) => {
    await becomeDistributor(api, token)
    return api.request('GET', '/distribution/overview', { token })
  },
  referralCard: async (token) => {
    await becomeDistributor(api, token)
    return api.request('GET', '/distribution/card', { token })
  },
  recordArrival: async (token) => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    return api.request('POST', '/distribution/arrivals', {
      token,
      body: { code, source: 'card' },
      idempotencyKey: newKey(),
    })
  },
  arrivals: async (token) => {
    await becomeDistributor(api, token)
    return api.request('GET', '/distribution/arrivals', { token })
  },
  fans: async (token) => {
    const code = await becomeDistributor(api, token)
    await signUp(api, { ref: code })
    return api.request('GET', '/distribution/fans', { token })
  },
  kolPosts: async (token) => {
    const code = await becomeDistributor(api, token)
    const post = (await createPost(api, token, { text: '契约测试的分享赚', productId: 'p-serum' })).body as {
      id: string
    }
    await api.request('POST', '/auth/phone', {
      body: { phone: randomPhone(), smsCode: '123456', ref: code, refSource: 'post', refPostId: post.id },
    })
    return api.request('GET', '/distribution/posts', { token })
  },
  commissions: async (token) => {
    const code = await becomeDistributor(api, token)
    const fan = await signUp(api, { ref: code })
    await buy(api, fan.token, { productId: 'p-serum' })
    return api.request('GET', '/distribution/commissions', { token })
  },
  // Needs settled commission: the seeded KOL has some and no pending withdrawal.
  requestWithdrawal: hasMockRoutes
    ? async () => {
        const { token } = await signInAsPersona(api, 'kol-distributor')
        return api.request('POST', '/distribution/withdrawals', {
          token,
          body: { amountFen: 1000 },
          idempotencyKey: newKey(),
        })
      }
    : null,
  withdrawals: (token) => api.request('GET', '/distribution/withdrawals', { token }),
  products: () => api.request('GET', '/products'),
  product: () => api.request('GET', '/products/p-serum'),
  createOrder: (token) =>
    api.request('POST', '/orders', { token, body: { productId: 'p-cleanser' }, idempotencyKey: newKey() }),
  orders: async (token) => {
    await buy(api, token, { productId: 'p-cleanser' })
    return api.request('GET', '/orders', { token })
  },
  order: async (token) => {
    const order = await buy(api, token, { productId: 'p-cleanser' })
    return api.request('GET', `/orders/${order.id}`, { token })
  },
  refundOrder: async (token) => {
    const order = await buy(api, token, { productId: 'p-cleanser' })
    return api.request('POST', `/orders/${order.id}/refund`, { token, idempotencyKey: newKey() })
  },
  plans: () => api.request('GET', '/memberships?client=weapp'),
  myPlan: (token) => api.request('GET', '/memberships/mine', { token }),
  purchasePlan: (token) =>
    api.request('POST', '/memberships/purchase', {
      token,
      body: { planId: 'plan-ordinary-monthly', client: 'weapp' },
      idempotencyKey: newKey(),
    }),
  coupons: (token) => api.request('GET', '/coupons', { token }),
  monthlyCoupon: (token) => api.request('GET', '/coupons/monthly', { token }),
  claimMonthlyCoupon: hasMockRoutes
    ? async (token) => {
        await grant(token, { growth: 200 })
        return api.request('POST', '/coupons/monthly/claim', { token, idempotencyKey: newKey() })
      }
    : null,
}

const mockCalls: Record<keyof typeof mockEndpoints, Call | null> = {
  // On a shared server a reset would end the sessions of every other test file; reset.test.ts covers it there.
  mockReset: api.isInProcess ? () => api.request('POST', '/__mock/reset') : null,
  mockClock: () => api.request('GET', '/__mock/clock'),
  mockSetClock: () => api.request('POST', '/__mock/clock', { body: { advanceHours: 0 } }),
  mockPersonas: () => api.request('GET', '/__mock/personas'),
  mockPersona: () => api.request('POST', '/__mock/persona', { body: { id: 'kol-distributor' } }),
  mockMe: (token) => api.request('GET', '/__mock/me', { token }),
  mockGrant: (token) =>
    api.request('POST', '/__mock/grant', { token, body: { points: 10, growth: 10 }, idempotencyKey: newKey() }),
  mockDecideWithdrawal: async () => {
    const { token } = await signInAsPersona(api, 'kol-distributor')
    const requested = await api.request('POST', '/distribution/withdrawals', {
      token,
      body: { amountFen: 1000 },
      idempotencyKey: newKey(),
    })
    const pending = (
      (await api.request('GET', '/distribution/withdrawals', { token })).body as {
        items: { id: string; status: string }[]
      }
    ).items.find((item) => item.status === 'requested')
    expect([201, 409]).toContain(requested.status)
    return api.request('POST', `/__mock/withdrawals/${pending?.id ?? 'none'}`, {
      body: { status: 'rejected', reason: '收款账户信息有误' },
    })
  },
  mockSetGiftStock: async () => {
    const gift = (await api.request('GET', '/gifts/gift-tote')).body as { stock: number }
    return api.request('PATCH', '/__mock/gifts/gift-tote', { body: { stock: gift.stock } })
  },
  mockConfigCheck: () => api.request('GET', '/__mock/config-check'),
  mockReviews: async (token) => {
    const post = await createPost(api, token, { text: '契约测试：待复核的笔记' })
    await reportByNewMembers(api, `/posts/${(post.body as { id: string }).id}`, 5)
    return api.request('GET', '/__mock/reviews')
  },
  mockDecideReview: async (token) => {
    const post = await createPost(api, token, { text: '契约测试：复核后恢复的笔记' })
    const { id } = post.body as { id: string }
    await reportByNewMembers(api, `/posts/${id}`, 5)
    return api.request('POST', `/__mock/reviews/${id}`, { body: { kind: 'post', decision: 'restore' } })
  },
}

const check = async (endpoint: Endpoint, call: Call): Promise<void> => {
  const { token } = await signUp(api)
  const response = await call(token)
  expect([response.status, response.text.slice(0, 300)]).toEqual([endpoint.status, expect.any(String)])
  expectShape(endpoint.response, response.body)
}

describe('every contract endpoint answers in its contract shape', () => {
  const calls = Object.entries(contractCalls).filter((entry): entry is [AllEndpointName, Call] => entry[1] !== null)
  it.each(calls)('%s', (name, call) => check(allEndpoints[name], call))
})

describeWithMockRoutes('every mock endpoint answers in its declared shape', () => {
  const calls = Object.entries(mockCalls).filter(
    (entry): entry is [keyof typeof mockEndpoints, Call] => entry[1] !== null,
  )
  it.each(calls)('%s', (name, call) => check(mockEndpoints[name], call))
})
