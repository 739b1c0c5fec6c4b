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

/** The longest referral code that fits WeChat's 32-character mini-program code scene as `r=CODE`. */
export const MAX_REFERRAL_CODE_LENGTH = 32 - 'r='.length

type Raw = Record<string, unknown>

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)
const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined)
const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value)

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

const levelTable: Rule = (config, add) => {
  const levels = field(config, 'levels')
  if (!Array.isArray(levels)) return
  if (levels.length === 0) {
    add({
      severity: 'error',
      setting: 'levels',
      rule: 'The level table is empty: every member must have a level.',
      alternative: 'Start with one level at minGrowth 0.',
    })
    return
  }
  if (field(levels[0], 'minGrowth') !== 0)
    add({
      severity: 'error',
      setting: 'levels[0].minGrowth',
      rule: 'The first level must start at growth 0, or a new member has no level.',
      alternative: 'Set the first level’s minGrowth to 0.',
    })
  const seen = new Set<unknown>()
  levels.forEach((level, index) => {
    const code = field(level, 'code')
    if (seen.has(code))
      add({
        severity: 'error',
        setting: `levels[${index}].code`,
        rule: `The level code ${String(code)} appears twice.`,
        alternative: 'Give every level its own code (V1, V2, …).',
      })
    seen.add(code)
    if (index === 0) return
    const previous = levels[index - 1]
    const growth = field(level, 'minGrowth')
    const before = field(previous, 'minGrowth')
    if (!isWholeNumber(growth) || !isWholeNumber(before) || growth <= before)
      add({
        severity: 'error',
        setting: `levels[${index}].minGrowth`,
        rule: `The level table does not increase: ${String(code)} needs ${String(growth)} growth, not more than the ${String(before)} of the level before it.`,
        alternative: 'Order the levels by growth, each needing strictly more than the one before.',
      })
    const multiplier = field(level, 'checkinMultiplierPercent')
    const previousMultiplier = field(previous, 'checkinMultiplierPercent')
    if (isWholeNumber(multiplier) && isWholeNumber(previousMultiplier) && multiplier < previousMultiplier)
      add({
        severity: 'warning',
        setting: `levels[${index}].checkinMultiplierPercent`,
        rule: `${String(code)} earns fewer check-in points (${multiplier}%) than the level below it (${previousMultiplier}%): levelling up would cost members points.`,
        alternative: 'Keep the multiplier equal or higher at each level.',
      })
  })
}

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
  const cycleDays = checkin.cycleDays
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
    if (!isWholeNumber(day) || day < 1 || (isWholeNumber(cycleDays) && day > cycleDays))
      add({
        severity: 'error',
        setting: `checkin.ladder[${index}].day`,
        rule: `Ladder day ${String(day)} is outside the ${String(cycleDays)}-day cycle: no streak ever reaches it.`,
        alternative: `Use a day from 1 to ${String(cycleDays)}.`,
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
  if (!isWholeNumber(length) || length < 4 || length > MAX_REFERRAL_CODE_LENGTH)
    add({
      severity: 'error',
      setting: 'distribution.referralCodeLength',
      rule: `Referral codes of ${String(length)} characters: the mini-program code carries them as the scene "r=CODE", at most 32 characters, so a code has at most ${MAX_REFERRAL_CODE_LENGTH}; and fewer than 4 are guessable.`,
      alternative: `Use 4 to ${MAX_REFERRAL_CODE_LENGTH} characters (8 is plenty).`,
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

const RULES: readonly Rule[] = [
  shareRewards,
  commissionLevels,
  commissionRate,
  levelTable,
  checkinLadder,
  timeZone,
  referralCodeLength,
  paidDistribution,
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

/** Every finding in `input` (a parsed JSON config): the rules above, then anything else the schema refuses. */
export const checkConfig = (input: unknown): ConfigFinding[] => {
  if (!isObject(input))
    return [
      {
        severity: 'error',
        setting: '(the file)',
        rule: 'A program config is a JSON object.',
        alternative: 'Start from the seed config: npm run check:config prints where it is.',
      },
    ]
  const findings: ConfigFinding[] = []
  for (const rule of RULES) rule(input, (finding) => findings.push(finding))
  const parsed = v.safeParse(AppConfig, input)
  if (!parsed.success) {
    const explained = findings.map((finding) => finding.setting)
    for (const issue of parsed.issues) {
      const setting = settingOf(issue)
      // A setting a rule above already explained needs no second, vaguer message.
      if (explained.some((name) => sameOrWithin(name, setting) || sameOrWithin(setting, name))) continue
      findings.push({
        severity: 'error',
        setting,
        rule: issue.received === 'undefined' ? `${setting} is missing.` : issue.message,
        alternative: 'Give it the type and value the contract describes (src/contract/config.ts).',
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
