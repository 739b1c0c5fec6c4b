// Uploads keep their bytes in the database: a member has a daily allowance (far beyond posting: eleven full posts
// and more), then 429 RATE_LIMITED with Retry-After until the next business day, so a script cannot fill the disk.
import { createApiClient, describeWithMockRoutes, expectError, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { PNG, uploadBytes } from './support/community'

const api = createApiClient()
lockMockClock(api)

describeWithMockRoutes('POST /uploads: a daily allowance per member', () => {
  it('the 101st picture of a business day is 429 with Retry-After; the next day uploads again', async () => {
    const member = await signUp(api)
    for (let index = 0; index < 100; index += 1) {
      const response = await uploadBytes(api, member.token, PNG, `p${index}.png`)
      expect(response.status).toBe(201)
    }
    const refused = await uploadBytes(api, member.token, PNG, 'one-more.png')
    expectError(refused, 429, 'RATE_LIMITED')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(24 * 60 * 60)
    // Another member is not held back by this one.
    const other = await signUp(api)
    expect((await uploadBytes(api, other.token, PNG, 'a.png')).status).toBe(201)
    await advanceClock(api, { advanceDays: 1 })
    expect((await uploadBytes(api, member.token, PNG, 'tomorrow.png')).status).toBe(201)
  })
})
