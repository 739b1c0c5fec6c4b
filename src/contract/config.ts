import * as v from 'valibot'
import { HexColor, LevelCode, NonNegativeInt, PositiveInt } from './common'

export const Benefit = v.object({
  code: v.string(),
  name: v.string(),
  description: v.optional(v.string()),
})

export const LevelDefinition = v.object({
  code: LevelCode,
  name: v.string(),
  minGrowth: NonNegativeInt,
  /** Check-in points multiplier in percent (100 = x1), integer so points stay integers. */
  checkinMultiplierPercent: PositiveInt,
  /** The coupon a member of this level may claim each business month (0: none); its benefit is `monthly_coupon`. */
  monthlyCouponFen: v.optional(NonNegativeInt, 0),
  benefits: v.array(Benefit),
})
export type LevelDefinition = v.InferOutput<typeof LevelDefinition>

export const Theme = v.object({
  primaryColor: HexColor,
  primaryTextColor: HexColor,
  accentColor: HexColor,
  backgroundColor: HexColor,
  surfaceColor: HexColor,
  textColor: HexColor,
  mutedTextColor: HexColor,
  dangerColor: HexColor,
})
export type Theme = v.InferOutput<typeof Theme>

export const AppConfig = v.object({
  brandName: v.string(),
  slogan: v.string(),
  theme: Theme,
  timeZone: v.string(),
  levels: v.array(LevelDefinition),
  checkin: v.object({
    basePoints: NonNegativeInt,
    growthPerCheckin: NonNegativeInt,
    cycleDays: PositiveInt,
    /** Extra points on a streak day of the cycle, e.g. day 3 +10, day 7 +30. */
    ladder: v.array(v.object({ day: PositiveInt, bonusPoints: NonNegativeInt })),
    makeup: v.object({ perMonth: NonNegativeInt, costPoints: NonNegativeInt }),
  }),
  /** Points of the yearly birthday gift, for levels whose benefits include `birthday_gift`. */
  birthdayGiftPoints: NonNegativeInt,
  points: v.object({
    /** Order points stay pending this many days (refund window). */
    pendingDays: NonNegativeInt,
    /** Earned points expire at the end of the year after the year earned. */
    expiry: v.literal('end_of_next_year'),
    expiringSoonDays: PositiveInt,
    dailyCaps: v.array(v.object({ source: v.string(), pointsEach: NonNegativeInt, maxPointsPerDay: NonNegativeInt })),
  }),
  distribution: v.object({
    commissionRateBps: NonNegativeInt,
    commissionLevels: v.picklist([1, 2]),
    bindingDays: PositiveInt,
    settleDays: NonNegativeInt,
    withdrawMinFen: NonNegativeInt,
    routes: v.object({
      inviteCode: v.boolean(),
      task: v.boolean(),
      application: v.boolean(),
      /** H5 only: plans marked for it carry distribution rights. Never in the mini-program (paid entry). */
      plan: v.optional(v.boolean()),
    }),
    kolLevels: v.array(v.object({ code: v.string(), name: v.string(), minFans: NonNegativeInt })),
    /** Characters in a new referral code (default 6): it rides in the mini-program code's scene as r=CODE. */
    referralCodeLength: v.optional(PositiveInt),
  }),
  features: v.object({
    community: v.boolean(),
    mall: v.boolean(),
    distribution: v.boolean(),
    membershipPackages: v.boolean(),
    /** WeChat forbids rewarding the act of sharing: the config check flags it for the mini-program. */
    shareRewards: v.boolean(),
  }),
})
export type AppConfig = v.InferOutput<typeof AppConfig>
