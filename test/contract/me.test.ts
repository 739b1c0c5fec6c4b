import { Member, Uploaded } from '../../src/contract/all'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  fieldsOf,
  signInAsPersona,
  signUp,
} from './support/client'
import { PNG, uploadBytes } from './support/community'

const api = createApiClient()

describe('PATCH /me', () => {
  it('changes nickname (trimmed) and avatar (one of its uploads), and GET /me shows it', async () => {
    const { token } = await signUp(api)
    const avatarUrl = expectShape(Uploaded, (await uploadBytes(api, token, PNG)).body).url
    const response = await api.request('PATCH', '/me', { token, body: { nickname: '  小橙子  ', avatarUrl } })
    expect(response.status).toBe(200)
    expect(expectShape(Member, response.body)).toMatchObject({ nickname: '小橙子', avatarUrl })
    expect(expectShape(Member, (await api.request('GET', '/me', { token })).body)).toMatchObject({
      nickname: '小橙子',
      avatarUrl,
    })
    // '' takes it away again (the app shows the initial).
    const cleared = await api.request('PATCH', '/me', { token, body: { avatarUrl: '' } })
    expect(expectShape(Member, cleared.body).avatarUrl).toBe('')
  })

  it('refuses an avatar that is not one of its own uploads with 400 on avatarUrl, changing nothing', async () => {
    const { token } = await signUp(api)
    const avatarUrl = expectShape(Uploaded, (await uploadBytes(api, token, PNG)).body).url
    expect((await api.request('PATCH', '/me', { token, body: { avatarUrl } })).status).toBe(200)
    const name = avatarUrl.slice(avatarUrl.lastIndexOf('/') + 1)
    const refused = [
      // The same path on someone else's host: a picture that would tell them who looks at it.
      `https://tracker.example/api/v1/uploads/${name}`,
      // Our host, a name it never gave.
      avatarUrl.replace(name, `${'0'.repeat(32)}.png`),
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript:alert(1)',
      // Another member's picture.
      expectShape(Uploaded, (await uploadBytes(api, (await signUp(api)).token, PNG)).body).url,
    ]
    for (const url of refused) {
      const response = await api.request('PATCH', '/me', { token, body: { avatarUrl: url, nickname: '不该生效' } })
      expect(fieldsOf(response)).toHaveProperty('avatarUrl')
    }
    expect(expectShape(Member, (await api.request('GET', '/me', { token })).body)).toMatchObject({
      avatarUrl,
      nickname: expect.not.stringMatching('不该生效'),
    })
  })

  it('stores markup as plain text', async () => {
    const { token } = await signUp(api)
    const nickname = '<b>&amp;"x"</b>'
    const response = await api.request('PATCH', '/me', { token, body: { nickname } })
    expect(expectShape(Member, response.body).nickname).toBe(nickname)
  })

  it('sets the birthday once; the same date again is a no-op, another is 409 BIRTHDAY_ALREADY_SET', async () => {
    const { token } = await signUp(api)
    const set = await api.request('PATCH', '/me', { token, body: { birthday: '1996-05-20' } })
    expect(expectShape(Member, set.body).birthday).toBe('1996-05-20')
    expect(
      (await api.request('PATCH', '/me', { token, body: { birthday: '1996-05-20', nickname: '同一天' } })).status,
    ).toBe(200)
    const changed = await api.request('PATCH', '/me', { token, body: { birthday: '1996-05-21', nickname: '不该生效' } })
    expectError(changed, 409, 'BIRTHDAY_ALREADY_SET')
    const me = expectShape(Member, (await api.request('GET', '/me', { token })).body)
    expect(me).toMatchObject({ birthday: '1996-05-20', nickname: '同一天' })
  })
})

describeWithMockRoutes('PATCH /me on a seeded birthday', () => {
  it('refuses to move the birthday of the birthday-month persona', async () => {
    const { token, member } = await signInAsPersona(api, 'birthday-month')
    expect(member.birthday).not.toBeNull()
    expectError(
      await api.request('PATCH', '/me', { token, body: { birthday: '2000-01-01' } }),
      409,
      'BIRTHDAY_ALREADY_SET',
    )
  })
})
