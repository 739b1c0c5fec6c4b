import { Member } from '../../src/contract/all'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  signInAsPersona,
  signUp,
} from './support/client'

const api = createApiClient()

describe('PATCH /me', () => {
  it('changes nickname (trimmed) and avatar, and GET /me shows it', async () => {
    const { token } = await signUp(api)
    const response = await api.request('PATCH', '/me', {
      token,
      body: { nickname: '  小橙子  ', avatarUrl: 'https://cdn.brand.example/api/v1/uploads/a1.png' },
    })
    expect(response.status).toBe(200)
    expect(expectShape(Member, response.body)).toMatchObject({
      nickname: '小橙子',
      avatarUrl: 'https://cdn.brand.example/api/v1/uploads/a1.png',
    })
    expect(expectShape(Member, (await api.request('GET', '/me', { token })).body).nickname).toBe('小橙子')
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
