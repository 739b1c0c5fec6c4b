import * as v from 'valibot'
import { AppConfig } from '../src/contract/all'

/**
 * The config check: what in a program config breaks WeChat's platform rules or the product's own invariants,
 * each finding with the rule it breaks and a safe alternative. `npm run check:config [file]` prints them; the
 * server refuses to start on a config with an error and says why; the operator console shows the warnings.
 *
 * It reads the file as it is (unknown JSON), so an operator gets the rule they broke ("more than two commission
 * levels") rather than only a schema message, and every problem at once rather than the first.
 */
export type ConfigFinding = {
  severity: 'error' | 'warning'
  /** Where in the config, e.g. `distribution.commissionLevels`. */
  setting: string
  /** The rule it breaks, in an operator's words. */
  rule: string
  /** What to do instead. */
  alternative: string
}

/**
 * The longest referral code (domain-rules.md: ≤ 8). The API takes 4 to 8 letters or digits as `ref`
 * (ReferralCode in src/contract/common.ts), so a longer code binds nobody; and 8 leaves room in WeChat's
 * 32-character mini-program code scene `r=CODE`.
 */
export const MAX_REFERRAL_CODE_LENGTH = 8
/** Fewer characters are guessable. */
const MIN_REFERRAL_CODE_LENGTH = 4

/**
 * The longest time span a setting may give, in days: ten years, past anything a real program promises, and far
 * short of the year 10000, past which the store refuses the server's dates (bindingDays 10000000 killed the server
 * at start with "time zone displacement out of range").
 */
export const MAX_DAYS = 3650
/** The longest check-in cycle, in days: a year. The check-in card lists every day of the cycle ahead. */
export const MAX_CYCLE_DAYS = 365

type Raw = Record<string, unknown>

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)
const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined)
const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value)
const isWholeBetween = (value: unknown, min: number, max: number): value is number =>
  isWholeNumber(value) && value >= min && value <= max

export const isTimeZone = (zone: unknown): boolean => {
  if (typeof zone !== 'string' || zone === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

type Rule = (config: Raw, add: (finding: ConfigFinding) => void) => void

const shareRewards: Rule = (config, add) => {
  if (field(field(config, 'features'), 'shareRewards') === true)
    add({
      severity: 'error',
      setting: 'features.shareRewards',
      rule: 'WeChat forbids rewarding the act of sharing (诱导分享): no points, coupons or draws for sharing a page or a card.',
      alternative:
        'Set it to false. Reward what a friend does after arriving instead (registering through the code: the invite task), never the share itself.',
    })
  const caps = field(field(config, 'points'), 'dailyCaps')
  if (Array.isArray(caps))
    caps.forEach((cap, index) => {
      const source = field(cap, 'source')
      if (typeof source === 'string' && /share/i.test(source) && (field(cap, 'pointsEach') as number) > 0)
        add({
          severity: 'error',
          setting: `points.dailyCaps[${index}]`,
          rule: `Points for "${source}" pay members for sharing, which WeChat forbids (诱导分享).`,
          alternative: 'Remove this source, or pay for a registration through the member’s code (the invite task).',
        })
    })
}

/** The actions the server pays within a daily cap (community/service.ts: earnWithinDailyCap). */
export const CAPPED_SOURCES: readonly string[] = ['post', 'comment']

/**
 * A cap the server reads: one entry per source it pays (it reads the first of two), and each action paid in full
 * at least once a day. Sharing has its own finding above.
 */
const dailyCaps: Rule = (config, add) => {
  const caps = field(field(config, 'points'), 'dailyCaps')
  if (!Array.isArray(caps)) return
  const seen = new Set<string>()
  caps.forEach((cap, index) => {
    const source = field(cap, 'source')
    if (typeof source !== 'string' || /share/i.test(source)) return
    const setting = `points.dailyCaps[${index}]`
    if (seen.has(source)) {
      add({
        severity: 'error',
        setting,
        rule: `The source "${source}" has a second daily cap: the server reads only the first, so this one is ignored.`,
        alternative: `Keep one entry for "${source}" with the points and maximum you mean.`,
      })
      return
    }
    seen.add(source)
    if (!CAPPED_SOURCES.includes(source)) {
      add({
        severity: 'warning',
        setting,
        rule: `The server pays capped points only for ${CAPPED_SOURCES.map((name) => `"${name}"`).join(' and ')}: "${source}" is never paid, whatever its points.`,
        alternative: `Remove it, or use one of ${CAPPED_SOURCES.join(', ')} (a task's own reward pays for other actions).`,
      })
      return
    }
    const each = field(cap, 'pointsEach')
    const maximum = field(cap, 'maxPointsPerDay')
    if (isWholeNumber(each) && isWholeNumber(maximum) && each > maximum)
      add({
        severity: 'warning',
        setting,
        rule: `One "${source}" is said to pay ${each} points, but the day's maximum is ${maximum}: the first one of the day pays only ${maximum}${maximum === 0 ? ' (nothing)' : ''}.`,
        alternative: `Make maxPointsPerDay at least pointsEach (e.g. ${each} for one a day), or lower pointsEach.`,
      })
  })
}

/** A level that lists the birthday gift gives birthdayGiftPoints; the two must agree, like the monthly coupon. */
const birthdayGift: Rule = (config, add) => {
  const points = field(config, 'birthdayGiftPoints')
  const levels = field(config, 'levels')
  if (!isWholeNumber(points) || !Array.isArray(levels)) return
  const giving = levels
    .filter((level) => {
      const benefits = field(level, 'benefits')
      return Array.isArray(benefits) && benefits.some((benefit) => field(benefit, 'code') === 'birthday_gift')
    })
    .map((level) => String(field(level, 'code')))
  if (points === 0 && giving.length > 0)
    add({
      severity: 'error',
      setting: 'birthdayGiftPoints',
      rule: `${giving.join(', ')} list the birthday_gift benefit but the gift is 0 points: members would claim a gift and get nothing.`,
      alternative: 'Set birthdayGiftPoints to the gift’s points (e.g. 200), or remove the birthday_gift benefit.',
    })
  if (points > 0 && giving.length === 0)
    add({
      severity: 'warning',
      setting: 'birthdayGiftPoints',
      rule: `A birthday gift of ${points} points that no level gives: no level lists the birthday_gift benefit, so nobody can claim it.`,
      alternative: 'Add a benefit with code birthday_gift to the levels that give it, or set birthdayGiftPoints to 0.',
    })
}

const commissionLevels: Rule = (config, add) => {
  const levels = field(field(config, 'distribution'), 'commissionLevels')
  if (levels === undefined) return
  if (!isWholeNumber(levels) || levels < 1 || levels > 2)
    add({
      severity: 'error',
      setting: 'distribution.commissionLevels',
      rule: `Commission on ${String(levels)} levels: at most two levels may earn from one order (more is a pyramid scheme under Chinese law and WeChat bans it).`,
      alternative: 'Use 1 (the default: only the fan’s own KOL earns) or 2.',
    })
}

const commissionRate: Rule = (config, add) => {
  const rate = field(field(config, 'distribution'), 'commissionRateBps')
  if (rate === undefined) return
  if (!isWholeNumber(rate) || rate < 0 || rate > 10_000)
    add({
      severity: 'error',
      setting: 'distribution.commissionRateBps',
      rule: `A commission rate of ${String(rate)} basis points is not a whole number between 0 and 10000 (100%).`,
      alternative: 'Use whole basis points, e.g. 1000 for 10%, so every commission is a whole number of fen.',
    })
}

/** A table of levels reached by a count: the member levels by growth, the KOL levels by fans. */
type LevelTable = {
  /** Where it is in the config. */
  setting: string
  /** What each level needs, a whole number. */
  threshold: 'minGrowth' | 'minFans'
  unit: 'growth' | 'fans'
  /** Why an empty table cannot run. */
  ifEmpty: string
  /** A table that works. */
  example: string
}

/**
 * Not empty, each code once, each threshold a whole number strictly above the one before: otherwise a count maps
 * to no level or two, and the server answers nonsense (current K1, next K3, a K2 certificate).
 */
const checkLevelTable = (levels: unknown, table: LevelTable, add: (finding: ConfigFinding) => void): void => {
  if (!Array.isArray(levels)) return
  if (levels.length === 0) {
    add({
      severity: 'error',
      setting: table.setting,
      rule: `The level table is empty: ${table.ifEmpty}.`,
      alternative: `List the levels in order, e.g. ${table.example}.`,
    })
    return
  }
  const codes = new Set<unknown>()
  // The last whole threshold, so one bad value does not hide the order of the levels after it.
  let before: number | undefined
  levels.forEach((level, index) => {
    const code = field(level, 'code')
    if (codes.has(code))
      add({
        severity: 'error',
        setting: `${table.setting}[${index}].code`,
        rule: `The level code ${String(code)} appears twice.`,
        alternative: `Give every level its own code (${table.example}).`,
      })
    codes.add(code)
    const setting = `${table.setting}[${index}].${table.threshold}`
    const value = field(level, table.threshold)
    if (value === undefined) return // the schema says it is missing
    if (!isWholeNumber(value) || value < 0) {
      add({
        severity: 'error',
        setting,
        rule: `${String(code)} needs ${JSON.stringify(value)} ${table.unit}: a level needs a whole number of ${table.unit}, 0 or more (no one ever holds a fraction).`,
        alternative: `Use a whole number, e.g. ${table.example}.`,
      })
      return
    }
    if (before !== undefined && value <= before)
      add({
        severity: 'error',
        setting,
        rule: `The level table does not increase: ${String(code)} needs ${value} ${table.unit}, not more than the ${before} of the level before it.`,
        alternative: `Order the levels by ${table.unit}, each needing strictly more than the one before (${table.example}).`,
      })
    before = value
  })
}

/**
 * The level benefits something in the app or the server gives: a benefit outside this list is a promise on the
 * levels page that nothing keeps (the seed's V5 once listed 专属客服, dedicated_service, with no service behind it).
 */
export const GIVEN_BENEFITS: readonly string[] = [
  'checkin_points', // the daily check-in
  'community', // posts, comments, likes
  'checkin_multiplier', // checkinMultiplierPercent
  'monthly_coupon', // monthlyCouponFen, claimed on the levels page
  'birthday_gift', // birthdayGiftPoints, claimed in the birthday month
  'distribution', // the task route to distribution rights
  'exclusive_gifts', // gifts with a minimum level
  'homepage_feature', // recent posts featured in 社区精选
]

const levelBenefits: Rule = (config, add) => {
  const levels = field(config, 'levels')
  if (!Array.isArray(levels)) return
  levels.forEach((level, index) => {
    const benefits = field(level, 'benefits')
    if (!Array.isArray(benefits)) return
    benefits.forEach((benefit, position) => {
      const code = field(benefit, 'code')
      if (typeof code !== 'string' || GIVEN_BENEFITS.includes(code)) return
      add({
        severity: 'warning',
        setting: `levels[${index}].benefits[${position}].code`,
        rule: `${String(field(level, 'code'))} lists the benefit "${code}" (${String(field(benefit, 'name'))}), which nothing in the app or the server gives: members would be promised something they never get.`,
        alternative: `Remove it, or keep it only if the brand delivers it itself; the benefits the app gives are ${GIVEN_BENEFITS.join(', ')}.`,
      })
    })
  })
}

const levelTable: Rule = (config, add) => {
  const levels = field(config, 'levels')
  checkLevelTable(
    levels,
    {
      setting: 'levels',
      threshold: 'minGrowth',
      unit: 'growth',
      ifEmpty: 'every member must have a level',
      example: 'V1 at 0, V2 at 200, V3 at 1000',
    },
    add,
  )
  if (!Array.isArray(levels)) return
  const first = field(levels[0], 'minGrowth')
  if (isWholeNumber(first) && first > 0)
    add({
      severity: 'error',
      setting: 'levels[0].minGrowth',
      rule: 'The first level must start at growth 0, or a new member has no level.',
      alternative: 'Set the first level’s minGrowth to 0.',
    })
  levels.forEach((level, index) => {
    // The benefit list is what members read; monthlyCouponFen is what the server gives. They must agree.
    const couponFen = field(level, 'monthlyCouponFen') ?? 0
    const benefits = field(level, 'benefits')
    const advertises =
      Array.isArray(benefits) && benefits.some((benefit) => field(benefit, 'code') === 'monthly_coupon')
    if (isWholeNumber(couponFen) && advertises !== couponFen > 0)
      add({
        severity: 'error',
        setting: `levels[${index}].monthlyCouponFen`,
        rule: advertises
          ? `${String(field(level, 'code'))} lists the monthly_coupon benefit but gives no coupon (monthlyCouponFen is 0): members would be promised a coupon they can never claim.`
          : `${String(field(level, 'code'))} gives a monthly coupon of ${couponFen} fen that its benefits do not list: members would not know to claim it.`,
        alternative: advertises
          ? 'Set monthlyCouponFen to the coupon’s value in fen (e.g. 500 for 5 元), or remove the benefit.'
          : 'Add a benefit with code monthly_coupon that names the coupon, or set monthlyCouponFen to 0.',
      })
    // The same for the check-in multiplier: the server pays checkinMultiplierPercent whatever the list says.
    const multiplierPercent = field(level, 'checkinMultiplierPercent')
    const listsMultiplier =
      Array.isArray(benefits) && benefits.some((benefit) => field(benefit, 'code') === 'checkin_multiplier')
    if (isWholeNumber(multiplierPercent) && listsMultiplier && multiplierPercent <= 100)
      add({
        severity: 'error',
        setting: `levels[${index}].checkinMultiplierPercent`,
        rule: `${String(field(level, 'code'))} lists the checkin_multiplier benefit but its check-ins pay ${multiplierPercent}%: members would be promised extra points they never get.`,
        alternative: 'Set checkinMultiplierPercent above 100 (e.g. 120 for 1.2 倍), or remove the benefit.',
      })
    if (isWholeNumber(multiplierPercent) && !listsMultiplier && multiplierPercent > 100)
      add({
        severity: 'warning',
        setting: `levels[${index}].checkinMultiplierPercent`,
        rule: `${String(field(level, 'code'))} pays ${multiplierPercent}% check-in points that its benefits do not list: members would not know.`,
        alternative: 'Add a benefit with code checkin_multiplier that names it (e.g. 签到 1.2 倍积分).',
      })
    if (index === 0) return
    const multiplier = field(level, 'checkinMultiplierPercent')
    const previousMultiplier = field(levels[index - 1], 'checkinMultiplierPercent')
    if (isWholeNumber(multiplier) && isWholeNumber(previousMultiplier) && multiplier < previousMultiplier)
      add({
        severity: 'warning',
        setting: `levels[${index}].checkinMultiplierPercent`,
        rule: `${String(field(level, 'code'))} earns fewer check-in points (${multiplier}%) than the level below it (${previousMultiplier}%): levelling up would cost members points.`,
        alternative: 'Keep the multiplier equal or higher at each level.',
      })
  })
}

const kolLevels: Rule = (config, add) =>
  checkLevelTable(
    field(field(config, 'distribution'), 'kolLevels'),
    {
      setting: 'distribution.kolLevels',
      threshold: 'minFans',
      unit: 'fans',
      ifEmpty: 'a KOL has no level to reach and no certificate to earn',
      example: 'K1 at 10, K2 at 50, K3 at 200',
    },
    add,
  )

const checkinLadder: Rule = (config, add) => {
  const checkin = field(config, 'checkin')
  if (!isObject(checkin)) return
  for (const key of ['basePoints', 'growthPerCheckin'] as const) {
    const value = checkin[key]
    if (value !== undefined && (!isWholeNumber(value) || value < 0))
      add({
        severity: 'error',
        setting: `checkin.${key}`,
        rule: `Check-in pays ${String(value)}: points and growth are whole, non-negative numbers.`,
        alternative: 'Use a whole number of 0 or more.',
      })
  }
  // A cycle that is not a whole number of days in range has its own finding (daySpans): no day is judged by it.
  const cycleDays = isWholeBetween(checkin.cycleDays, 1, MAX_CYCLE_DAYS) ? checkin.cycleDays : undefined
  const dayRange =
    cycleDays === undefined
      ? 'a whole day from 1 within the cycle'
      : cycleDays === 1
        ? 'day 1'
        : `a day from 1 to ${cycleDays}`
  const ladder = checkin.ladder
  if (!Array.isArray(ladder)) return
  const days = new Set<unknown>()
  ladder.forEach((step, index) => {
    const bonus = field(step, 'bonusPoints')
    const day = field(step, 'day')
    if (!isWholeNumber(bonus) || bonus < 0)
      add({
        severity: 'error',
        setting: `checkin.ladder[${index}].bonusPoints`,
        rule: `The check-in ladder pays ${String(bonus)} on day ${String(day)}: a reward must be a whole number of points, 0 or more.`,
        alternative: 'Use whole, positive bonus points (e.g. day 3 +10, day 7 +30).',
      })
    if (!isWholeNumber(day) || day < 1 || (cycleDays !== undefined && day > cycleDays))
      add({
        severity: 'error',
        setting: `checkin.ladder[${index}].day`,
        rule: `Ladder day ${JSON.stringify(day)} is not a day of the ${cycleDays === undefined ? 'check-in' : `${cycleDays}-day`} cycle: no streak ever reaches it.`,
        alternative: `Use ${dayRange}, or lengthen the cycle (checkin.cycleDays).`,
      })
    if (days.has(day))
      add({
        severity: 'error',
        setting: `checkin.ladder[${index}].day`,
        rule: `Ladder day ${String(day)} appears twice.`,
        alternative: 'Give each day one bonus.',
      })
    days.add(day)
  })
}

/** Settings counted in days that the server turns into a time span or a list of days. */
const DAY_SPANS: readonly { setting: string; what: string; min: number; max: number; usual: string }[] = [
  { setting: 'checkin.cycleDays', what: 'The check-in streak cycle', min: 1, max: MAX_CYCLE_DAYS, usual: '7' },
  { setting: 'points.pendingDays', what: 'The refund window of order points', min: 0, max: MAX_DAYS, usual: '7' },
  {
    setting: 'points.expiringSoonDays',
    what: 'The look-ahead of the "points expire soon" notice',
    min: 1,
    max: MAX_DAYS,
    usual: '30',
  },
  { setting: 'distribution.bindingDays', what: 'A fan’s binding to their KOL', min: 1, max: MAX_DAYS, usual: '30' },
  { setting: 'distribution.settleDays', what: 'The wait before commission settles', min: 0, max: MAX_DAYS, usual: '7' },
]

const daySpans: Rule = (config, add) => {
  for (const { setting, what, min, max, usual } of DAY_SPANS) {
    const days = setting.split('.').reduce<unknown>(field, config)
    if (days === undefined) continue // the schema says it is missing
    if (!isWholeBetween(days, min, max))
      add({
        severity: 'error',
        setting,
        rule: `${what} is ${JSON.stringify(days)} days: it must be a whole number of days from ${min} to ${max} (${max === MAX_DAYS ? 'ten years: no program needs longer, and a far longer span runs past the last date the server can store' : 'a year: the check-in card lists every day of the cycle'}).`,
        alternative: `Use ${min} to ${max} days, e.g. ${usual}.`,
      })
  }
}

const timeZone: Rule = (config, add) => {
  const zone = field(config, 'timeZone')
  if (!isTimeZone(zone))
    add({
      severity: 'error',
      setting: 'timeZone',
      rule: `The time zone ${JSON.stringify(zone)} does not exist: the business day (check-ins, caps, the challenge week) is counted in it.`,
      alternative: 'Use an IANA time zone, e.g. "Asia/Shanghai".',
    })
}

const referralCodeLength: Rule = (config, add) => {
  const length = field(field(config, 'distribution'), 'referralCodeLength')
  if (length === undefined) return
  if (!isWholeBetween(length, MIN_REFERRAL_CODE_LENGTH, MAX_REFERRAL_CODE_LENGTH))
    add({
      severity: 'error',
      setting: 'distribution.referralCodeLength',
      rule: `Referral codes of ${JSON.stringify(length)} characters: a code must be ${MIN_REFERRAL_CODE_LENGTH} to ${MAX_REFERRAL_CODE_LENGTH} letters or digits. A longer one is ignored in a link and refused by the API, so it binds no fan (and it crowds the mini-program code's 32-character scene "r=CODE"); a shorter one is guessable.`,
      alternative: `Use ${MIN_REFERRAL_CODE_LENGTH} to ${MAX_REFERRAL_CODE_LENGTH} characters (6, the default, is plenty).`,
    })
}

const paidDistribution: Rule = (config, add) => {
  if (field(field(field(config, 'distribution'), 'routes'), 'plan') === true)
    add({
      severity: 'warning',
      setting: 'distribution.routes.plan',
      rule: 'Paid plans carry distribution rights: WeChat forbids a paid entry to distribution in a mini-program, so the server grants them this way on H5 only, and mini-program members never see it.',
      alternative:
        'Keep it off, and let members earn the right by the invite code, the streak-and-level task or an application.',
    })
}

/** WCAG 2 relative luminance of #RRGGBB. */
const luminance = (hex: string): number => {
  const linear = (at: number) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5)
}

const contrastOf = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

/**
 * The text colours the pages paint on each surface (test/mock/seed-theme-contrast.test.ts holds the seed to them), and
 * which of the two a finding names when a pair falls short (the text colour unless told).
 */
const THEME_PAIRS: readonly [string, string, string, string?][] = [
  ['textColor', 'backgroundColor', 'body text on the page'],
  ['textColor', 'surfaceColor', 'body text on a card'],
  ['mutedTextColor', 'backgroundColor', 'muted text on the page'],
  ['mutedTextColor', 'surfaceColor', 'muted text on a card'],
  ['primaryColor', 'backgroundColor', 'brand-coloured text (prices, links) on the page'],
  ['primaryColor', 'surfaceColor', 'brand-coloured text on a card'],
  ['primaryTextColor', 'primaryColor', 'text on a brand-coloured button'],
  // The banners (member card, points, levels, check-in calendar) run from primaryColor to accentColor under
  // primaryTextColor: each end must carry it, and the lighter end decides.
  [
    'primaryTextColor',
    'accentColor',
    'text on the brand gradient (banners, member card) at its accent end, and on accent chips',
    'accentColor',
  ],
  ['dangerColor', 'surfaceColor', 'error text on a card'],
]

/** Below WCAG AA (4.5:1) every page fails the accessibility audit at once; it still runs, so a warning. */
const themeContrast: Rule = (config, add) => {
  const theme = field(config, 'theme')
  const hex = (key: string): string | null => {
    const value = field(theme, key)
    return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : null
  }
  for (const [foreground, background, what, blamed = foreground] of THEME_PAIRS) {
    const [front, back] = [hex(foreground), hex(background)]
    if (!front || !back) continue
    const ratio = contrastOf(front, back)
    if (ratio < 4.5)
      add({
        severity: 'warning',
        setting: `theme.${blamed}`,
        rule: `${what} (${front} on ${back}) has a contrast of ${ratio.toFixed(2)}:1, under WCAG AA’s 4.5:1: hard to read, and every page fails the accessibility audit.`,
        alternative: `Darken or lighten one of them to reach 4.5:1 (the seed’s ${blamed} meets it).`,
      })
  }
}

const RULES: readonly Rule[] = [
  shareRewards,
  dailyCaps,
  birthdayGift,
  commissionLevels,
  commissionRate,
  levelTable,
  levelBenefits,
  kolLevels,
  checkinLadder,
  daySpans,
  timeZone,
  referralCodeLength,
  paidDistribution,
  themeContrast,
]

/** `levels[0].minGrowth`, the way the findings above name settings. */
const settingOf = (issue: v.GenericIssue): string =>
  (issue.path ?? []).reduce<string>((name, item) => {
    const key = item.key as string | number
    if (typeof key === 'number') return `${name}[${key}]`
    return name ? `${name}.${key}` : key
  }, '') || '(the file)'

/** `a` is `b`, or a setting inside it. */
const sameOrWithin = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`)

/**
 * A config file's text as JSON. Windows editors (Notepad) save UTF-8 with a byte order mark, which JSON.parse
 * refuses as an invisible "Unexpected token".
 */
export const parseConfigJson = (text: string): unknown => JSON.parse(text.replace(/^\uFEFF/, ''))

/** Every finding in `input` (a parsed JSON config): the rules above, then anything else the schema refuses. */
export const checkConfig = (input: unknown): ConfigFinding[] => {
  if (!isObject(input))
    return [
      {
        severity: 'error',
        setting: '(the file)',
        rule: `A program config is one JSON object ({ "brandName": …, "levels": [ … ], … }), not ${Array.isArray(input) ? 'a list' : input === null ? 'null' : `a ${typeof input}`}.`,
        alternative:
          'Start from the seed config as JSON: with npm run mock running, save http://127.0.0.1:9527/api/v1/app/config (GET /app/config) to a file and edit it.',
      },
    ]
  const findings: ConfigFinding[] = []
  for (const rule of RULES) rule(input, (finding) => findings.push(finding))
  const parsed = v.safeParse(AppConfig, input)
  if (!parsed.success) {
    const explained = findings.map((finding) => finding.setting)
    for (const issue of parsed.issues) {
      const setting = settingOf(issue)
      // A setting a rule above (or an issue before) already explained needs no second, vaguer message.
      if (explained.some((name) => sameOrWithin(name, setting) || sameOrWithin(setting, name))) continue
      explained.push(setting)
      const isFraction = issue.type === 'integer'
      findings.push({
        severity: 'error',
        setting,
        rule:
          issue.received === 'undefined'
            ? `${setting} is missing.`
            : isFraction
              ? `${setting} is ${issue.received}: every number in a program config is whole (points, growth, fen, days, counts, percent).`
              : issue.message,
        alternative: isFraction
          ? 'Use a whole number (money in fen: 1000 is ¥10).'
          : 'Give it the type and value the contract describes (src/contract/config.ts).',
      })
    }
  }
  return findings
}

export const configErrors = (input: unknown): ConfigFinding[] =>
  checkConfig(input).filter((finding) => finding.severity === 'error')

/** One line per finding, for the terminal and the server's refusal. */
export const describeFinding = (finding: ConfigFinding): string =>
  `${finding.severity === 'error' ? 'error' : 'warning'} ${finding.setting}: ${finding.rule} Instead: ${finding.alternative}`
