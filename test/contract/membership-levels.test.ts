import { AppConfig, BirthdayGift, CheckinResult, LevelOverview } from '../../src/contract/all'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  fieldsOf,
  newKey,
  signUp,
} from './support/client'
import { setClock, lockMockClock } from './support/clock'
import { checkIn, grant, meOf, testYear, wholeLedger } from './support/membership'

const api = createApiClient()
lockMockClock(api)

const levelsOf = async (token: string) =>
  expectShape(LevelOverview, (await api.request('GET', '/levels', { token })).body)
const celebrate = (token: string, levelCode: string) =>
  api.request('POST', '/levels/celebrated', { token, body: { levelCode } })
const giftOf = async (token: string) =>
  expectShape(BirthdayGift, (await api.request('GET', '/birthday-gift', { token })).body)
const claim = (token: string, idempotencyKey = newKey()) =>
  api.request('POST', '/birthday-gift/claim', { token, idempotencyKey })

describe('GET /levels', () => {
  it('answers the level table of the config, the member’s level and growth, and no party for a new member', async () => {
    const { token } = await signUp(api)
    const config = expectShape(AppConfig, (await api.request('GET', '/app/config')).body)
    expect(await levelsOf(token)).toEqual({
      levelCode: 'V1',
      growth: 0,
      levels: config.levels,
      uncelebratedLevel: null,
    })
  })

  it('refuses to celebrate a level not reached: 400 on levelCode', async () => {
    const { token } = await signUp(api)
    expect(fieldsOf(await celebrate(token, 'V2'))).toHaveProperty(['levelCode'])
    expect(fieldsOf(await celebrate(token, 'V9'))).toHaveProperty(['levelCode'])
    expect((await celebrate(token, 'V1')).status).toBe(200)
  })
})

describeWithMockRoutes('level-ups', () => {
  it('celebrates a level-up once: shown until acknowledged, acknowledging again changes nothing', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { growth: 250 })
    expect(await levelsOf(token)).toMatchObject({ levelCode: 'V2', growth: 250, uncelebratedLevel: 'V2' })
    const seen = await celebrate(token, 'V2')
    expect(seen.status).toBe(200)
    expect(expectShape(LevelOverview, seen.body).uncelebratedLevel).toBeNull()
    expect((await celebrate(token, 'V2')).status).toBe(200)
    expect((await celebrate(token, 'V1')).status).toBe(200)
    expect((await levelsOf(token)).uncelebratedLevel).toBeNull()
  })

  it('celebrates the highest level reached: a jump over several levels is one party', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { growth: 3100 })
    expect((await levelsOf(token)).uncelebratedLevel).toBe('V4')
    await celebrate(token, 'V2')
    expect((await levelsOf(token)).uncelebratedLevel).toBe('V4')
    await celebrate(token, 'V4')
    expect((await levelsOf(token)).uncelebratedLevel).toBeNull()
  })

  it('levels up by a check-in’s growth, and never down by spending points', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { growth: 195, points: 500 })
    const result = expectShape(CheckinResult, (await checkIn(api, token)).body)
    expect(result).toMatchObject({ growth: 200, levelCode: 'V2' })
    expect((await levelsOf(token)).uncelebratedLevel).toBe('V2')
    await grant(api, token, { points: -505 })
    expect(await meOf(api, token)).toMatchObject({ pointsBalance: 0, growth: 200, levelCode: 'V2' })
  })
})

describe('birthday gift without a birthday', () => {
  it('is no_birthday, and claiming is 409 BIRTHDAY_GIFT_UNAVAILABLE', async () => {
    const { token } = await signUp(api)
    expect(await giftOf(token)).toMatchObject({ status: 'no_birthday', birthday: null, points: 200 })
    const refused = await claim(token)
    expect(expectError(refused, 409, 'BIRTHDAY_GIFT_UNAVAILABLE').error.details?.status).toBe('no_birthday')
    expect(await wholeLedger(api, token)).toEqual([])
  })
})

describeWithMockRoutes('birthday gift', () => {
  const year = testYear()

  beforeEach(async () => {
    await setClock(api, `${year}-05-10T10:00:00+08:00`)
  })

  const memberWith = async ({ birthday, growth }: { birthday: string; growth: number }) => {
    const { token } = await signUp(api)
    if (growth > 0) await grant(api, token, { growth })
    expect((await api.request('PATCH', '/me', { token, body: { birthday } })).status).toBe(200)
    return token
  }

  it('is claimed once in the birthday month, for config.birthdayGiftPoints, and again the next year', async () => {
    const token = await memberWith({ birthday: '1990-05-20', growth: 1000 })
    expect(await giftOf(token)).toEqual({ status: 'available', birthday: '1990-05-20', points: 200, year })
    const key = newKey()
    const first = await claim(token, key)
    expect(first.status).toBe(200)
    expect(expectShape(BirthdayGift, first.body)).toMatchObject({ status: 'claimed', year })
    expect((await claim(token, key)).body).toEqual(first.body)
    expect(expectError(await claim(token), 409, 'BIRTHDAY_GIFT_UNAVAILABLE').error.details?.status).toBe('claimed')
    const gifts = (await wholeLedger(api, token)).filter((entry) => entry.type === 'birthday')
    expect(gifts).toEqual([expect.objectContaining({ delta: 200, reason: `${year} 年生日礼` })])
    expect((await meOf(api, token)).pointsBalance).toBe(200)

    // Still claimed after the month; open again in next year's birthday month.
    await setClock(api, `${year}-08-01T10:00:00+08:00`)
    expect((await giftOf(token)).status).toBe('claimed')
    await setClock(api, `${year + 1}-05-01T00:00:10+08:00`)
    expect(await giftOf(token)).toMatchObject({ status: 'available', year: year + 1 })
    expect((await claim(token)).status).toBe(200)
    expect((await meOf(api, token)).pointsBalance).toBe(400)
  })

  it('is not_this_month outside the birthday month', async () => {
    const token = await memberWith({ birthday: '1990-06-01', growth: 1000 })
    expect((await giftOf(token)).status).toBe('not_this_month')
    expect(expectError(await claim(token), 409, 'BIRTHDAY_GIFT_UNAVAILABLE').error.details?.status).toBe(
      'not_this_month',
    )
  })

  it('is not_eligible for a level without the birthday_gift benefit', async () => {
    const token = await memberWith({ birthday: '1990-05-20', growth: 0 })
    expect((await giftOf(token)).status).toBe('not_eligible')
    expectError(await claim(token), 409, 'BIRTHDAY_GIFT_UNAVAILABLE')
    expect((await meOf(api, token)).pointsBalance).toBe(0)
  })
})
