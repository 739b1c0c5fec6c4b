import * as v from 'valibot'
// From the index, not './common' and './catalog' (see distribution.ts).
import { Gift, GiftKind, Id, IsoDateTime, MainlandPhone, NonNegativeInt, PlainText, PositiveInt, page } from './index'

// The points mall behind the 商城 tab: a gift's detail, addresses, redemptions and their states (domain-rules.md:
// Gifts). Imported by path (not in the index): the tabs list gifts (catalog.ts) and only the mall's subpackage pages
// load these schemas.

const trimmed = (min: number, max: number, message: string) =>
  v.pipe(PlainText, v.trim(), v.minLength(min, message), v.maxLength(max, message))

/** What a member types; validated field by field so each error shows next to its field. */
export const AddressInput = v.object({
  name: trimmed(1, 20, '1 to 20 characters'),
  phone: MainlandPhone,
  /** Province, city, district (as WeChat's region picker gives them). */
  region: v.pipe(v.array(trimmed(1, 20, 'a region name')), v.length(3, 'province, city and district')),
  detail: trimmed(4, 120, '4 to 120 characters'),
  isDefault: v.optional(v.boolean()),
})
export type AddressInput = v.InferOutput<typeof AddressInput>

export const AddressPatch = v.pipe(
  v.partial(AddressInput),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
)

export const Address = v.object({
  id: Id,
  name: v.string(),
  phone: v.string(),
  region: v.array(v.string()),
  detail: v.string(),
  isDefault: v.boolean(),
})
export type Address = v.InferOutput<typeof Address>
export const AddressList = v.object({ items: v.array(Address) })

/** A gift as the signed-in member sees it: how many they already redeemed (0 for visitors). */
export const GiftDetail = v.object({ ...Gift.entries, redeemedByMe: NonNegativeInt })
export type GiftDetail = v.InferOutput<typeof GiftDetail>

export const RedemptionStatus = v.picklist(['pending_shipment', 'shipped', 'completed', 'cancelled'])
export type RedemptionStatus = v.InferOutput<typeof RedemptionStatus>

export const RedeemRequest = v.object({
  giftId: Id,
  /** 1-10 within stock and the member's limit; a virtual gift is 1 (one code per redemption: more is a 400). */
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  /** Required for physical gifts; must be one of the member's own addresses. */
  addressId: v.optional(Id),
})
export type RedeemRequest = v.InferOutput<typeof RedeemRequest>

export const Redemption = v.object({
  id: Id,
  giftId: Id,
  giftName: v.string(),
  giftImage: v.nullable(v.string()),
  kind: GiftKind,
  quantity: PositiveInt,
  pointsSpent: PositiveInt,
  status: RedemptionStatus,
  /** The code of a virtual gift or coupon, shown at once; null for physical gifts. */
  code: v.nullable(v.string()),
  /** A copy of the address at redemption time: editing the address book later changes nothing here. */
  address: v.nullable(
    v.object({ name: v.string(), phone: v.string(), region: v.array(v.string()), detail: v.string() }),
  ),
  createdAt: IsoDateTime,
  /** A physical gift's promised ship-by time (48 h, 24 h with a plan's priority shipping); null otherwise. */
  shipBy: v.nullable(IsoDateTime),
  priorityShipping: v.boolean(),
  shippedAt: v.nullable(IsoDateTime),
  completedAt: v.nullable(IsoDateTime),
  cancelledAt: v.nullable(IsoDateTime),
})
export type Redemption = v.InferOutput<typeof Redemption>

export const RedemptionsQuery = v.object({
  status: v.optional(RedemptionStatus),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^(?:[1-9]|[1-4]\d|50)$/, 'a whole number from 1 to 50'))),
})
export const RedemptionPage = page(Redemption)
