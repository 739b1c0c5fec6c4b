import * as v from 'valibot'
import {
  AppConfig,
  GiftKind,
  IsoDate,
  IsoDateTime,
  LevelCode,
  PostSection,
  PostStatus,
  TaskAction,
  TaskKind,
} from '../src/contract'

// The whole mock state is one JSON document: this schema both types it and checks a file read from disk.
const Int = v.pipe(v.number(), v.integer())
const Text = v.string()

export const MemberRecord = v.object({
  id: Text,
  nickname: Text,
  /** False while the nickname is the one given at sign-up (the profile task wants one the member chose). */
  nicknameSetByMember: v.boolean(),
  avatarUrl: Text,
  phone: v.nullable(Text),
  /** Stands in for the WeChat openid: the app's install id (see api-contract.md, mock logins). */
  wechatOpenId: v.nullable(Text),
  /** Growth only ever increases; the level is computed from it. */
  growth: Int,
  birthday: v.nullable(IsoDate),
  /** The business year the birthday gift was last claimed: once a year. */
  birthdayGiftYear: v.nullable(Int),
  /** The highest level the member has been congratulated on; a level above it is celebrated once. */
  celebratedLevel: LevelCode,
  isDistributor: v.boolean(),
  referralCode: v.nullable(Text),
  /** The first referral code the member arrived with, bound or not, for attribution. */
  signupRef: v.nullable(Text),
  createdAt: IsoDateTime,
})
export type MemberRecord = v.InferOutput<typeof MemberRecord>

export const LedgerRecord = v.object({
  id: Text,
  memberId: Text,
  delta: Int,
  type: Text,
  reason: Text,
  refId: v.nullable(Text),
  createdAt: IsoDateTime,
  expiresAt: v.nullable(IsoDateTime),
})
export type LedgerRecord = v.InferOutput<typeof LedgerRecord>

export const CheckinRecord = v.object({
  id: Text,
  memberId: Text,
  date: IsoDate,
  isMakeup: v.boolean(),
  createdAt: IsoDateTime,
})
export type CheckinRecord = v.InferOutput<typeof CheckinRecord>

/** The task center's catalogue (operators may change it; members' progress is computed, never stored). */
export const TaskDefinition = v.object({
  id: Text,
  kind: TaskKind,
  action: TaskAction,
  title: Text,
  description: Text,
  target: Int,
  /** Only acts the server cannot see (browsing the hot list) are reported by the app. */
  isSelfReported: v.boolean(),
  /** Paid by a `task` ledger entry once per period; null when the action pays itself (check-in, post, comment). */
  reward: v.nullable(v.object({ points: Int, growth: Int })),
})
export type TaskDefinition = v.InferOutput<typeof TaskDefinition>

/** A task paid (or self-reported) for a period: the business day (daily) or 'once'. Never paid twice. */
export const TaskCompletionRecord = v.object({
  id: Text,
  memberId: Text,
  taskId: Text,
  period: Text,
  createdAt: IsoDateTime,
})
export type TaskCompletionRecord = v.InferOutput<typeof TaskCompletionRecord>

export const GiftRecord = v.object({
  id: Text,
  name: Text,
  description: Text,
  category: Text,
  images: v.array(Text),
  pointsCost: Int,
  stock: Int,
  perMemberLimit: Int,
  minLevel: LevelCode,
  kind: GiftKind,
})
export type GiftRecord = v.InferOutput<typeof GiftRecord>

/** One entry of a member's address book; the schema (AddressInput) validated and trimmed its fields. */
export const AddressRecord = v.object({
  id: Text,
  memberId: Text,
  name: Text,
  phone: Text,
  region: v.array(Text),
  detail: Text,
  isDefault: v.boolean(),
  createdAt: IsoDateTime,
})
export type AddressRecord = v.InferOutput<typeof AddressRecord>

/**
 * A redemption as written when it happened. Shipping is not stored: a physical redemption's shipped/completed
 * times follow from createdAt and the mock clock (domain/redemptions.ts), so moving the clock previews each state.
 */
export const RedemptionRecord = v.object({
  id: Text,
  memberId: Text,
  giftId: Text,
  giftName: Text,
  giftImage: v.nullable(Text),
  kind: GiftKind,
  quantity: Int,
  pointsSpent: Int,
  /** The `redemption` ledger entry that paid for it (a cancel gives back what it took, lot by lot). */
  ledgerEntryId: Text,
  code: v.nullable(Text),
  address: v.nullable(v.object({ name: Text, phone: Text, region: v.array(Text), detail: Text })),
  createdAt: IsoDateTime,
  /** Set at once for virtual gifts and coupons; physical ones complete by the clock. */
  completedAt: v.nullable(IsoDateTime),
  cancelledAt: v.nullable(IsoDateTime),
})
export type RedemptionRecord = v.InferOutput<typeof RedemptionRecord>

export const PostRecord = v.object({
  id: Text,
  authorId: Text,
  text: Text,
  images: v.array(Text),
  topic: v.nullable(Text),
  section: PostSection,
  status: PostStatus,
  isPinned: v.boolean(),
  /** Seeded popularity, so the feed looks alive without inventing thousands of members. */
  baseLikeCount: Int,
  baseCommentCount: Int,
  likedBy: v.array(Text),
  createdAt: IsoDateTime,
})
export type PostRecord = v.InferOutput<typeof PostRecord>

export const ProductRecord = v.object({
  id: Text,
  name: Text,
  description: Text,
  images: v.array(Text),
  priceFen: Int,
})
export type ProductRecord = v.InferOutput<typeof ProductRecord>

export const BindingSource = v.picklist(['card', 'link', 'post', 'code'])
export const BindingRecord = v.object({
  memberId: Text,
  distributorId: Text,
  source: BindingSource,
  boundAt: IsoDateTime,
  protectedUntil: IsoDateTime,
})
export type BindingRecord = v.InferOutput<typeof BindingRecord>

export const OrderRecord = v.object({
  id: Text,
  memberId: Text,
  productId: Text,
  quantity: Int,
  amountFen: Int,
  status: v.picklist(['paid', 'refunded']),
  ref: v.nullable(Text),
  createdAt: IsoDateTime,
})
export type OrderRecord = v.InferOutput<typeof OrderRecord>

export const CommissionRecord = v.object({
  id: Text,
  distributorId: Text,
  orderId: Text,
  amountFen: Int,
  status: v.picklist(['pending', 'settled', 'reversed']),
  settlesAt: IsoDateTime,
  createdAt: IsoDateTime,
})
export type CommissionRecord = v.InferOutput<typeof CommissionRecord>

export const SessionRecord = v.object({ memberId: Text, createdAt: IsoDateTime })
export type SessionRecord = v.InferOutput<typeof SessionRecord>

export const IdempotencyRecord = v.object({
  scope: Text,
  key: Text,
  bodyHash: Text,
  status: Int,
  body: v.unknown(),
  createdAt: IsoDateTime,
})
export type IdempotencyRecord = v.InferOutput<typeof IdempotencyRecord>

export const MockState = v.object({
  /** Bumped when the shape changes: a data file of an older shape is set aside and replaced by a fresh seed. */
  schemaVersion: v.literal(3),
  /** Added to real time: the mock clock moves with the wall clock, shifted by operators and tests. */
  clock: v.object({ offsetMs: Int }),
  nextId: Int,
  config: AppConfig,
  members: v.array(MemberRecord),
  /** By token. */
  sessions: v.record(Text, SessionRecord),
  /** Login code to member id, for WeChat sign-ins that carry no install id. */
  wechatCodes: v.record(Text, Text),
  ledger: v.array(LedgerRecord),
  checkins: v.array(CheckinRecord),
  tasks: v.array(TaskDefinition),
  taskCompletions: v.array(TaskCompletionRecord),
  giftCategories: v.array(v.object({ id: Text, name: Text })),
  gifts: v.array(GiftRecord),
  addresses: v.array(AddressRecord),
  redemptions: v.array(RedemptionRecord),
  topics: v.array(v.object({ name: Text, description: Text })),
  posts: v.array(PostRecord),
  products: v.array(ProductRecord),
  bindings: v.array(BindingRecord),
  orders: v.array(OrderRecord),
  commissions: v.array(CommissionRecord),
  /** By scope and key, see mock/http/register.ts. */
  idempotency: v.record(Text, IdempotencyRecord),
})
export type MockState = v.InferOutput<typeof MockState>

/** Records keyed by client-supplied strings must not see Object.prototype (a token of "__proto__"). */
export const ownEntry = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined

export const newId = (state: MockState, prefix: string): string => {
  state.nextId += 1
  return `${prefix}-${state.nextId}`
}
