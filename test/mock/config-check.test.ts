import { checkConfig, configErrors, describeFinding, MAX_REFERRAL_CODE_LENGTH } from '../../mock/config-check'
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
      'a referral code that cannot fit the 32-character QR scene',
      (c) => (c.distribution.referralCodeLength = MAX_REFERRAL_CODE_LENGTH),
      (c) => (c.distribution.referralCodeLength = MAX_REFERRAL_CODE_LENGTH + 1),
      'distribution.referralCodeLength',
    ],
  ])('flags %s, with the rule and a safe alternative', (_name, passing, failing, setting) => {
    expect(configErrors(withChange(passing))).toEqual([])
    const findings = checkConfig(withChange(failing))
    expect(findings.map((finding) => finding.setting)).toEqual([setting])
    expect(findings[0]!).toMatchObject({ severity: 'error' })
    expect(findings[0]!.rule.length).toBeGreaterThan(20)
    expect(findings[0]!.alternative.length).toBeGreaterThan(5)
  })

  it('warns that paid plans carry distribution rights on H5 only, never in the mini-program', () => {
    expect(checkConfig(withChange((c) => (c.distribution.routes.plan = false)))).toEqual([])
    const findings = checkConfig(withChange((c) => (c.distribution.routes.plan = true)))
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', setting: 'distribution.routes.plan' })])
    expect(findings[0]!.rule).toMatch(/mini-program/)
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
