import {
  checkConfig,
  configErrors,
  describeFinding,
  MAX_CYCLE_DAYS,
  MAX_DAYS,
  MAX_REFERRAL_CODE_LENGTH,
  parseConfigJson,
} from '../../mock/config-check'
import { seedConfig } from '../../mock/seed/config'
import { startMockServer } from '../../mock/server'
import type { AppConfig } from '../../src/contract/all'

// Each rule of the config check with a config that passes it and one that breaks it; the seed passes them all.
type Change = (config: AppConfig) => void

const withChange = (change: Change): unknown => {
  const config = structuredClone(seedConfig())
  change(config)
  return config
}

const settingsFlagged = (input: unknown): string[] => checkConfig(input).map((finding) => finding.setting)

describe('the config check', () => {
  it('finds nothing wrong with the seed config', () => {
    expect(checkConfig(seedConfig())).toEqual([])
  })

  it.each<[string, Change, Change, string]>([
    [
      'rewards for the act of sharing',
      (c) => (c.features.shareRewards = false),
      (c) => (c.features.shareRewards = true),
      'features.shareRewards',
    ],
    [
      'points for sharing in the daily caps',
      (c) => c.points.dailyCaps.push({ source: 'invite_registered', pointsEach: 50, maxPointsPerDay: 100 }),
      (c) => c.points.dailyCaps.push({ source: 'share', pointsEach: 5, maxPointsPerDay: 20 }),
      'points.dailyCaps[2]',
    ],
    [
      'more than two commission levels',
      (c) => (c.distribution.commissionLevels = 2),
      (c) => ((c.distribution as { commissionLevels: number }).commissionLevels = 3),
      'distribution.commissionLevels',
    ],
    [
      'a commission rate that is not whole basis points',
      (c) => (c.distribution.commissionRateBps = 1500),
      (c) => (c.distribution.commissionRateBps = 12.5),
      'distribution.commissionRateBps',
    ],
    [
      'a level table that does not increase',
      (c) => (c.levels[2]!.minGrowth = 1500),
      (c) => (c.levels[2]!.minGrowth = 200),
      'levels[2].minGrowth',
    ],
    [
      'a first level that does not start at 0',
      (c) => (c.levels[0]!.minGrowth = 0),
      (c) => (c.levels[0]!.minGrowth = 10),
      'levels[0].minGrowth',
    ],
    ['a level code used twice', (c) => (c.levels[1]!.code = 'V2'), (c) => (c.levels[1]!.code = 'V1'), 'levels[1].code'],
    [
      'a negative check-in ladder reward',
      (c) => (c.checkin.ladder[0]!.bonusPoints = 0),
      (c) => (c.checkin.ladder[0]!.bonusPoints = -10),
      'checkin.ladder[0].bonusPoints',
    ],
    [
      'a non-integer check-in ladder reward',
      (c) => (c.checkin.ladder[1]!.bonusPoints = 31),
      (c) => (c.checkin.ladder[1]!.bonusPoints = 30.5),
      'checkin.ladder[1].bonusPoints',
    ],
    [
      'a ladder day no streak reaches',
      (c) => (c.checkin.ladder[1]!.day = 7),
      (c) => (c.checkin.ladder[1]!.day = 8),
      'checkin.ladder[1].day',
    ],
    [
      'a non-integer base check-in reward',
      (c) => (c.checkin.basePoints = 0),
      (c) => (c.checkin.basePoints = 2.5),
      'checkin.basePoints',
    ],
    [
      'a time zone that does not exist',
      (c) => (c.timeZone = 'America/New_York'),
      (c) => (c.timeZone = 'Asia/Beijing'),
      'timeZone',
    ],
    [
      'a referral code longer than 8 characters (domain-rules.md; the API takes no longer ref)',
      (c) => (c.distribution.referralCodeLength = 8),
      (c) => (c.distribution.referralCodeLength = 9),
      'distribution.referralCodeLength',
    ],
    [
      'a referral code that still fits the 32-character QR scene but not the 8 characters',
      (c) => (c.distribution.referralCodeLength = MAX_REFERRAL_CODE_LENGTH),
      (c) => (c.distribution.referralCodeLength = 30),
      'distribution.referralCodeLength',
    ],
    [
      'a guessable referral code',
      (c) => (c.distribution.referralCodeLength = 4),
      (c) => (c.distribution.referralCodeLength = 3),
      'distribution.referralCodeLength',
    ],
    [
      'KOL levels out of order by fans',
      (c) => (c.distribution.kolLevels[1]!.minFans = 11),
      (c) => (c.distribution.kolLevels[1]!.minFans = 5),
      'distribution.kolLevels[1].minFans',
    ],
    [
      'two KOL levels at the same number of fans',
      (c) => (c.distribution.kolLevels[2]!.minFans = 51),
      (c) => (c.distribution.kolLevels[2]!.minFans = 50),
      'distribution.kolLevels[2].minFans',
    ],
    [
      'a KOL level code used twice',
      (c) => (c.distribution.kolLevels[2]!.code = 'K4'),
      (c) => (c.distribution.kolLevels[2]!.code = 'K2'),
      'distribution.kolLevels[2].code',
    ],
    [
      'an empty KOL level table',
      (c) => (c.distribution.kolLevels = [{ code: 'K1', name: '达人', minFans: 0 }]),
      (c) => (c.distribution.kolLevels = []),
      'distribution.kolLevels',
    ],
    [
      'a KOL level at a fraction of a fan',
      (c) => (c.distribution.kolLevels[1]!.minFans = 51),
      (c) => (c.distribution.kolLevels[1]!.minFans = 50.5),
      'distribution.kolLevels[1].minFans',
    ],
    [
      'a level at a fraction of growth',
      (c) => (c.levels[1]!.minGrowth = 201),
      (c) => (c.levels[1]!.minGrowth = 200.5),
      'levels[1].minGrowth',
    ],
    [
      'a fen amount that is not whole',
      (c) => (c.distribution.withdrawMinFen = 1001),
      (c) => (c.distribution.withdrawMinFen = 1000.5),
      'distribution.withdrawMinFen',
    ],
    [
      'a binding longer than ten years (the server died at start on 10000000 days)',
      (c) => (c.distribution.bindingDays = MAX_DAYS),
      (c) => (c.distribution.bindingDays = 10_000_000),
      'distribution.bindingDays',
    ],
    [
      'a commission wait longer than ten years',
      (c) => (c.distribution.settleDays = MAX_DAYS),
      (c) => (c.distribution.settleDays = MAX_DAYS + 1),
      'distribution.settleDays',
    ],
    [
      'an order-points refund window longer than ten years',
      (c) => (c.points.pendingDays = MAX_DAYS),
      (c) => (c.points.pendingDays = MAX_DAYS + 1),
      'points.pendingDays',
    ],
    [
      'an expiry notice looking more than ten years ahead',
      (c) => (c.points.expiringSoonDays = MAX_DAYS),
      (c) => (c.points.expiringSoonDays = MAX_DAYS + 1),
      'points.expiringSoonDays',
    ],
    [
      'a check-in cycle longer than a year',
      (c) => (c.checkin.cycleDays = MAX_CYCLE_DAYS),
      (c) => (c.checkin.cycleDays = MAX_CYCLE_DAYS + 1),
      'checkin.cycleDays',
    ],
    [
      'a check-in cycle of no days',
      (c) => (c.checkin.cycleDays = 7),
      (c) => (c.checkin.cycleDays = 0),
      'checkin.cycleDays',
    ],
  ])('flags %s, with the rule and a safe alternative', (_name, passing, failing, setting) => {
    expect(configErrors(withChange(passing))).toEqual([])
    const findings = checkConfig(withChange(failing))
    expect(findings.map((finding) => finding.setting)).toEqual([setting])
    expect(findings[0]!).toMatchObject({ severity: 'error' })
    expect(findings[0]!.rule.length).toBeGreaterThan(20)
    expect(findings[0]!.alternative.length).toBeGreaterThan(5)
  })

  it('says the bounds in the messages: 8 characters, 3650 days, a 365-day cycle', () => {
    const rule = (change: Change): string => checkConfig(withChange(change))[0]!.rule
    expect(MAX_REFERRAL_CODE_LENGTH).toBe(8)
    expect(rule((c) => (c.distribution.referralCodeLength = 30))).toMatch(/4 to 8 letters or digits/)
    expect(rule((c) => (c.distribution.bindingDays = 10_000_000))).toMatch(/from 1 to 3650/)
    expect(rule((c) => (c.points.pendingDays = -1))).toMatch(/from 0 to 3650/)
    expect(rule((c) => (c.checkin.cycleDays = 400))).toMatch(/from 1 to 365\b/)
  })

  it('calls a fraction a fraction, not a table out of order', () => {
    const [growth] = checkConfig(withChange((c) => (c.levels[1]!.minGrowth = 200.5)))
    expect(growth!.rule).toMatch(/V2 needs 200\.5 growth: a level needs a whole number of growth/)
    expect(growth!.rule).not.toMatch(/does not increase/)
    const [fen] = checkConfig(withChange((c) => (c.distribution.withdrawMinFen = 1000.5)))
    expect(fen!.rule).toMatch(/distribution.withdrawMinFen is 1000.5: every number in a program config is whole/)
  })

  it('says which KOL level breaks the order, and that an empty table gives no level', () => {
    const [order] = checkConfig(withChange((c) => (c.distribution.kolLevels[1]!.minFans = 5)))
    expect(order!.rule).toMatch(/K2 needs 5 fans, not more than the 10 of the level before it/)
    const [empty] = checkConfig(withChange((c) => (c.distribution.kolLevels = [])))
    expect(empty!.rule).toMatch(/empty/)
    expect(empty!.alternative).toMatch(/K1 at 10/)
  })

  it('judges ladder days by a valid cycle only: a cycle of 0 days is one finding, with no range "1 to 0"', () => {
    const findings = checkConfig(withChange((c) => (c.checkin.cycleDays = 0)))
    expect(findings.map((finding) => finding.setting)).toEqual(['checkin.cycleDays'])
    expect(findings.map(describeFinding).join('\n')).not.toMatch(/1 to 0/)
    const [day] = checkConfig(withChange((c) => (c.checkin.ladder[1]!.day = 8)))
    expect(day!.alternative).toMatch(/from 1 to 7/)
  })

  it('reads a config file saved with a byte order mark (Notepad’s UTF-8)', () => {
    const text = JSON.stringify(seedConfig())
    expect(parseConfigJson(`\uFEFF${text}`)).toEqual(seedConfig())
    expect(checkConfig(parseConfigJson(`\uFEFF${text}`))).toEqual([])
    expect(() => parseConfigJson(`{\uFEFF}`)).toThrow()
  })

  it('tells the author of a file that is not an object where to get one as JSON', () => {
    const [finding] = checkConfig([])
    expect(finding!.rule).toMatch(/not a list/)
    expect(finding!.alternative).toMatch(/\/app\/config/)
    expect(finding!.alternative).not.toMatch(/\.ts\b/)
  })

  it('warns that paid plans carry distribution rights on H5 only, never in the mini-program', () => {
    expect(checkConfig(withChange((c) => (c.distribution.routes.plan = false)))).toEqual([])
    const findings = checkConfig(withChange((c) => (c.distribution.routes.plan = true)))
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', setting: 'distribution.routes.plan' })])
    expect(findings[0]!.rule).toMatch(/mini-program/)
  })

  it('refuses a level whose benefits and monthly coupon disagree: advertised but never given, or given unlisted', () => {
    const advertisedOnly = checkConfig(withChange((c) => (c.levels[1]!.monthlyCouponFen = 0)))
    expect(advertisedOnly).toEqual([
      expect.objectContaining({
        severity: 'error',
        setting: 'levels[1].monthlyCouponFen',
        rule: expect.stringContaining('never claim'),
      }),
    ])
    const unlisted = checkConfig(withChange((c) => (c.levels[0]!.monthlyCouponFen = 300)))
    expect(unlisted).toEqual([
      expect.objectContaining({
        severity: 'error',
        setting: 'levels[0].monthlyCouponFen',
        rule: expect.stringContaining('300 fen'),
      }),
    ])
    // A config written before the setting existed: no value is 0, so a listed benefit is the same finding.
    const older = withChange((c) => delete (c.levels[2] as Partial<AppConfig['levels'][number]>).monthlyCouponFen)
    expect(settingsFlagged(older)).toEqual(['levels[2].monthlyCouponFen'])
  })

  it('warns of a level benefit that nothing in the app or the server gives, naming it', () => {
    const promised = checkConfig(
      withChange((c) => c.levels[4]!.benefits.push({ code: 'dedicated_service', name: '专属客服' })),
    )
    expect(promised).toEqual([
      expect.objectContaining({
        severity: 'warning',
        setting: 'levels[4].benefits[6].code',
        rule: expect.stringContaining('V5 lists the benefit "dedicated_service" (专属客服)'),
      }),
    ])
  })

  it('refuses a birthday gift a level lists but that gives 0 points, and warns of one no level gives', () => {
    const empty = checkConfig(withChange((c) => (c.birthdayGiftPoints = 0)))
    expect(empty).toEqual([
      expect.objectContaining({
        severity: 'error',
        setting: 'birthdayGiftPoints',
        rule: expect.stringContaining('V3, V4, V5 list the birthday_gift benefit'),
      }),
    ])
    const unlisted = checkConfig(
      withChange((c) => {
        for (const level of c.levels) level.benefits = level.benefits.filter((b) => b.code !== 'birthday_gift')
      }),
    )
    expect(unlisted).toEqual([expect.objectContaining({ severity: 'warning', setting: 'birthdayGiftPoints' })])
  })

  it('refuses a second cap for one source (the server reads the first) and warns of caps the server never pays', () => {
    const twice = checkConfig(
      withChange((c) => c.points.dailyCaps.push({ source: 'comment', pointsEach: 5, maxPointsPerDay: 50 })),
    )
    expect(twice).toEqual([
      expect.objectContaining({
        severity: 'error',
        setting: 'points.dailyCaps[2]',
        rule: expect.stringContaining('ignored'),
      }),
    ])
    const unpaid = checkConfig(
      withChange((c) => c.points.dailyCaps.push({ source: 'like', pointsEach: 1, maxPointsPerDay: 10 })),
    )
    expect(unpaid).toEqual([
      expect.objectContaining({
        severity: 'warning',
        setting: 'points.dailyCaps[2]',
        rule: expect.stringContaining('"like" is never paid'),
      }),
    ])
    const cut = checkConfig(
      withChange((c) => (c.points.dailyCaps[0] = { source: 'post', pointsEach: 10, maxPointsPerDay: 5 })),
    )
    expect(cut).toEqual([
      expect.objectContaining({
        severity: 'warning',
        setting: 'points.dailyCaps[0]',
        rule: expect.stringContaining('pays only 5'),
      }),
    ])
  })

  it('finds nothing wrong in a part switched off: the server closes its routes and the app its pages', () => {
    for (const feature of ['community', 'mall', 'distribution', 'membershipPackages'] as const)
      expect(checkConfig(withChange((c) => (c.features[feature] = false)))).toEqual([])
    expect(
      checkConfig(
        withChange((c) => {
          c.features.community = false
          c.features.mall = false
          c.features.distribution = false
          c.features.membershipPackages = false
        }),
      ),
    ).toEqual([])
  })

  it('warns of theme colours under WCAG AA (4.5:1), naming the pair and its ratio', () => {
    const findings = checkConfig(withChange((c) => (c.theme.mutedTextColor = '#8A8A99')))
    expect(findings.map((finding) => [finding.severity, finding.setting])).toEqual([
      ['warning', 'theme.mutedTextColor'],
      ['warning', 'theme.mutedTextColor'],
    ])
    expect(findings[0]!.rule).toMatch(/#8A8A99 on #F6F6F8\) has a contrast of 3\.\d\d:1/)
  })

  it('warns of an accent too light for the white text of the brand gradient, naming the accent', () => {
    // The seed's accent before the banners were measured: white on it read at 2:1.
    const findings = checkConfig(withChange((c) => (c.theme.accentColor = '#F5A623')))
    expect(findings.map((finding) => [finding.severity, finding.setting])).toEqual([['warning', 'theme.accentColor']])
    expect(findings[0]!.rule).toMatch(/gradient.*\(#FFFFFF on #F5A623\) has a contrast of 2\.0\d:1/)
  })

  it('refuses a level listing the check-in multiplier that pays 100%, and warns of a multiplier left unlisted', () => {
    expect(checkConfig(withChange((c) => (c.levels[2]!.checkinMultiplierPercent = 100)))).toEqual([
      expect.objectContaining({
        severity: 'error',
        setting: 'levels[2].checkinMultiplierPercent',
        rule: expect.stringContaining('never get'),
      }),
    ])
    expect(checkConfig(withChange((c) => (c.levels[1]!.checkinMultiplierPercent = 110)))).toEqual([
      expect.objectContaining({ severity: 'warning', setting: 'levels[1].checkinMultiplierPercent' }),
    ])
  })

  it('warns, without refusing, when a higher level earns fewer check-in points', () => {
    const findings = checkConfig(withChange((c) => (c.levels[3]!.checkinMultiplierPercent = 110)))
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', setting: 'levels[3].checkinMultiplierPercent' }),
    ])
  })

  it('reports every problem at once, and a missing setting by its name', () => {
    const config = withChange((c) => {
      c.features.shareRewards = true
      c.timeZone = 'Mars/Olympus_Mons'
      delete (c as Partial<AppConfig>).slogan
    }) as Record<string, unknown>
    expect(settingsFlagged(config).sort()).toEqual(['features.shareRewards', 'slogan', 'timeZone'])
    expect(describeFinding(checkConfig(config).find((f) => f.setting === 'slogan')!)).toContain('slogan is missing')
    expect(settingsFlagged('[]')).toEqual(['(the file)'])
  })

  it('keeps the server from starting on a binding too long to date, by the check rather than a crash', async () => {
    await expect(
      startMockServer({
        storeKind: 'memory',
        config: withChange((c) => (c.distribution.bindingDays = 10_000_000)) as AppConfig,
      }),
    ).rejects.toThrow(/The program config cannot run:[\s\S]*distribution.bindingDays: .* from 1 to 3650/)
  })

  it('keeps the server from starting on a config with an error, and it says why', async () => {
    await expect(
      startMockServer({
        storeKind: 'memory',
        config: withChange((c) => (c.features.shareRewards = true)) as AppConfig,
      }),
    ).rejects.toThrow(
      /The program config cannot run:[\s\S]*features.shareRewards: WeChat forbids rewarding the act of sharing/,
    )
  })
})
