import type { Endpoint } from '../../src/contract/all'
import { allEndpoints, ErrorBody } from '../../src/contract/all'
import { mockEndpoints } from '../../mock/preview/endpoints'
import type { ApiClient, ApiResponse } from './support/client'
import {
  createApiClient,
  expectError,
  expectShape,
  fieldsOf,
  hasMockRoutes,
  newKey,
  randomPhone,
  signUp,
} from './support/client'

const api: ApiClient = createApiClient()
let token = ''

beforeAll(async () => {
  token = (await signUp(api)).token
})

describe('validation: 400 VALIDATION_FAILED with details.fields', () => {
  const cases: [string, string, string, unknown, string][] = [
    ['a phone that is too short', 'POST', '/auth/sms', { phone: '1380000' }, 'phone'],
    ['a phone as a number', 'POST', '/auth/sms', { phone: 13800000000 }, 'phone'],
    ['a phone with letters', 'POST', '/auth/sms', { phone: '1380000000a' }, 'phone'],
    ['a landline', 'POST', '/auth/sms', { phone: '02112345678' }, 'phone'],
    ['no phone', 'POST', '/auth/sms', {}, 'phone'],
    ['a 5-digit SMS code', 'POST', '/auth/phone', { phone: '13912345678', smsCode: '12345' }, 'smsCode'],
    ['an SMS code as a number', 'POST', '/auth/phone', { phone: '13912345678', smsCode: 123456 }, 'smsCode'],
    ['a missing SMS code', 'POST', '/auth/phone', { phone: '13912345678' }, 'smsCode'],
    ['an empty WeChat code', 'POST', '/auth/wechat', { code: '' }, 'code'],
    ['a WeChat code of 129 characters', 'POST', '/auth/wechat', { code: 'c'.repeat(129) }, 'code'],
    ['a WeChat code as an object', 'POST', '/auth/wechat', { code: { nested: true } }, 'code'],
    ['a nickname of 21 characters', 'PATCH', '/me', { nickname: '长'.repeat(21) }, 'nickname'],
    ['a blank nickname', 'PATCH', '/me', { nickname: '    ' }, 'nickname'],
    ['a nickname as null', 'PATCH', '/me', { nickname: null }, 'nickname'],
    [
      'an avatar URL of 501 characters',
      'PATCH',
      '/me',
      { avatarUrl: `https://a.example/${'x'.repeat(483)}` },
      'avatarUrl',
    ],
    ['a nickname with a control character', 'PATCH', '/me', { nickname: '小\u0000橙' }, 'nickname'],
    ['a nickname with a bidi override', 'PATCH', '/me', { nickname: 'abc\u202Edef' }, 'nickname'],
    ['an avatar as a data: URL', 'PATCH', '/me', { avatarUrl: 'data:image/png;base64,AAAA' }, 'avatarUrl'],
    ['an avatar as a javascript: URL', 'PATCH', '/me', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
    ['an avatar on another server', 'PATCH', '/me', { avatarUrl: 'https://tracker.example/p.png' }, 'avatarUrl'],
    [
      'an avatar upload that is not an image',
      'PATCH',
      '/me',
      { avatarUrl: 'https://cdn.example/api/v1/uploads/a.svg' },
      'avatarUrl',
    ],
    [
      'an address name with a line separator',
      'POST',
      '/addresses',
      { name: '张\u2028三', phone: '13912345678', region: ['上海市', '上海市', '静安区'], detail: '南京西路 1 号' },
      'name',
    ],
    ['an impossible birthday', 'PATCH', '/me', { birthday: '1990-02-30' }, 'birthday'],
    ['a birthday with a time', 'PATCH', '/me', { birthday: '1990-01-01T00:00:00Z' }, 'birthday'],
    ['a birthday in the future', 'PATCH', '/me', { birthday: '2999-01-01' }, 'birthday'],
    ['a birthday before 1900', 'PATCH', '/me', { birthday: '1899-12-31' }, 'birthday'],
    ['nothing to change', 'PATCH', '/me', {}, '$'],
    ['a make-up date that does not exist', 'POST', '/checkin/makeup', { date: '2030-02-30' }, 'date'],
    ['a make-up date with a time', 'POST', '/checkin/makeup', { date: '2030-03-01T00:00:00+08:00' }, 'date'],
    ['a make-up without a date', 'POST', '/checkin/makeup', {}, 'date'],
    ['a level that does not exist', 'POST', '/levels/celebrated', { levelCode: 'V6' }, 'levelCode'],
    ['a level in lower case', 'POST', '/levels/celebrated', { levelCode: 'v1' }, 'levelCode'],
    ['a body that is an array', 'PATCH', '/me', [], '$'],
    ['a body that is null', 'POST', '/auth/sms', null, '$'],
    ['a body that is a string', 'POST', '/auth/sms', 'x', '$'],
    ['a body that is a number', 'POST', '/auth/sms', 42, '$'],
  ]

  it.each(cases)('%s', async (_label, method, path, body, field) => {
    const response = await api.request(method, path, { token, body, idempotencyKey: newKey() })
    expect(fieldsOf(response)).toHaveProperty([field], expect.any(String))
  })

  const queries: [string, string, string][] = [
    ['limit 0', '/gifts?limit=0', 'limit'],
    ['limit 51', '/posts?limit=51', 'limit'],
    ['limit not a number', '/gifts?limit=ten', 'limit'],
    ['limit with a fraction', '/topics?limit=1.5', 'limit'],
    ['a cursor this server never issued', '/gifts?cursor=not-a-cursor', 'cursor'],
    ['a cursor over 200 characters', '/posts?cursor=' + 'A'.repeat(201), 'cursor'],
    ['an unknown section', '/posts?section=trending', 'section'],
    ['affordable not a boolean', '/gifts?affordable=yes', 'affordable'],
    ['a category over 40 characters', `/gifts?category=${'c'.repeat(41)}`, 'category'],
    ['a month 13', '/checkin/calendar?month=2030-13', 'month'],
    ['a month without its leading zero', '/checkin/calendar?month=2030-3', 'month'],
    ['a whole date for a month', '/checkin/calendar?month=2030-03-01', 'month'],
    ['an unknown ledger direction', '/points/ledger?direction=in', 'direction'],
    ['a ledger limit of 51', '/points/ledger?limit=51', 'limit'],
  ]
  it.each(queries)('query: %s', async (_label, path, field) => {
    expect(fieldsOf(await api.request('GET', path, { token }))).toHaveProperty([field], expect.any(String))
  })

  if (hasMockRoutes) {
    const mockCases: [string, string, string, unknown, string][] = [
      ['two clock changes at once', 'POST', '/__mock/clock', { advanceDays: 1, advanceHours: 1 }, '$'],
      ['a fractional day', 'POST', '/__mock/clock', { advanceDays: 1.5 }, 'advanceDays'],
      ['a clock set to words', 'POST', '/__mock/clock', { set: 'tomorrow' }, 'set'],
      ['a clock set before 2000', 'POST', '/__mock/clock', { set: '1970-01-01T00:00:00Z' }, 'set'],
      ['a clock set to the year 9999', 'POST', '/__mock/clock', { set: '9999-12-31T23:59:59Z' }, 'set'],
      ['a clock set to an impossible date', 'POST', '/__mock/clock', { set: '2030-02-30T00:00:00Z' }, 'set'],
      ['an unknown persona', 'POST', '/__mock/persona', { id: 'nobody' }, 'id'],
      ['a negative stock', 'PATCH', '/__mock/gifts/gift-tote', { stock: -1 }, 'stock'],
      ['fractional points', 'POST', '/__mock/grant', { points: 1.5 }, 'points'],
      ['negative growth', 'POST', '/__mock/grant', { growth: -5 }, 'growth'],
      ['an empty grant', 'POST', '/__mock/grant', {}, '$'],
    ]
    it.each(mockCases)('mock: %s', async (_label, method, path, body, field) => {
      const response = await api.request(method, path, { token, body, idempotencyKey: newKey() })
      expect(fieldsOf(response)).toHaveProperty([field], expect.any(String))
    })
  }
})

describe('body framing', () => {
  it('answers 400 INVALID_JSON for a body that does not parse', async () => {
    for (const rawBody of ['{"phone":', "{'phone':'13800000000'}", '', '{"a":1}{"b":2}', 'NaN']) {
      expectError(await api.request('POST', '/auth/sms', { rawBody }), 400, 'INVALID_JSON')
    }
  })

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body that is not declared JSON', async () => {
    const body = JSON.stringify({ phone: randomPhone() })
    expectError(
      await api.request('POST', '/auth/sms', { rawBody: body, contentType: 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    expectError(
      await api.request('POST', '/auth/sms', {
        rawBody: 'phone=13800000000',
        contentType: 'application/x-www-form-urlencoded',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    expectError(
      await api.request('POST', '/auth/sms', { rawBody: body, contentType: null }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
  })

  it('accepts JSON with a charset', async () => {
    const response = await api.request('POST', '/auth/sms', {
      body: { phone: randomPhone() },
      contentType: 'application/json; charset=utf-8',
    })
    expect(response.status).toBe(200)
  })

  it('answers 413 PAYLOAD_TOO_LARGE over 64 KB, and reads a body just under it', async () => {
    const huge = JSON.stringify({ phone: '13800000000', padding: 'x'.repeat(70 * 1024) })
    expectError(await api.request('POST', '/auth/sms', { rawBody: huge }), 413, 'PAYLOAD_TOO_LARGE')
    const under = JSON.stringify({ nickname: 'x'.repeat(60 * 1024) })
    expect(fieldsOf(await api.request('PATCH', '/me', { token, rawBody: under }))).toHaveProperty('nickname')
  })
})

describe('no bad input produces a 5xx', () => {
  const deepArray = `${'['.repeat(20000)}${']'.repeat(20000)}`
  const deepObject = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
  const junkBodies: [string, string][] = [
    ['[]', '[]'],
    ['null', 'null'],
    ['"x"', '"x"'],
    ['a number', '12345'],
    ['a huge number', '1e400'],
    ['true', 'true'],
    ['{}', '{}'],
    ['a byte order mark', '\uFEFF{}'],
    ['a deep array', deepArray],
    ['a deep object', deepObject],
    ['deep junk under a known key', `{"phone":${deepArray},"nickname":${deepObject},"points":${deepArray}}`],
    ['deep junk under unknown keys', `{"points":1,"junk":${deepArray},"more":${deepObject}}`],
    ['__proto__ keys', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'],
    [
      'wrong types everywhere',
      '{"phone":[],"smsCode":{},"code":null,"installId":1,"ref":true,"nickname":[],"birthday":1,"id":{},"points":"5","growth":"x","stock":"1","advanceDays":"1","set":0}',
    ],
    ['10000 nulls', `[${Array(10000).fill('null').join(',')}]`],
    ['control characters and lone surrogates', '{"phone":"\\u0000\\ud800","nickname":"\\u0007\\udfff"}'],
  ]
  const all: [string, Endpoint][] = [
    ...Object.entries(allEndpoints),
    ...(hasMockRoutes ? Object.entries(mockEndpoints) : []),
  ]
  const withBody = all.filter(([, endpoint]) => endpoint.body !== undefined)

  const expectNo5xx = (response: ApiResponse): void => {
    expect([response.status, response.text.slice(0, 200)]).toEqual([expect.any(Number), expect.any(String)])
    expect(response.status).toBeLessThan(500)
    if (response.status >= 400) expectShape(ErrorBody, response.body)
  }

  describe.each(withBody)('%s', (_name, endpoint) => {
    it.each(junkBodies)('survives %s', async (_label, rawBody) => {
      const path = endpoint.path.replace('{id}', 'gift-tote')
      expectNo5xx(await api.request(endpoint.method, path, { token, rawBody, idempotencyKey: newKey() }))
    })
  })

  const junkPaths = [
    '/gifts/__proto__',
    '/gifts/constructor',
    '/posts/hasOwnProperty',
    '/gifts/%00',
    '/posts/%E4%BD%A0%E5%A5%BD',
    '/gifts/..%2F..%2Fetc%2Fpasswd',
    `/posts/${'x'.repeat(5000)}`,
    '/gifts?limit=-1&cursor=%00&section[]=x',
    '/gifts?cursor=W10',
    '/gifts?cursor=WyJ4Il0',
    '/posts?cursor=eyJhIjoxfQ',
    '/posts?topic=%F0%9F%98%80&section=hot&limit=50',
    '/gifts?limit=2&limit=abc',
    '/gifts?category=__proto__',
  ]
  it.each(junkPaths)('GET %s', async (path) => {
    expectNo5xx(await api.request('GET', path, { token }))
    expectNo5xx(await api.request('GET', path))
  })

  it('survives junk headers', async () => {
    expectNo5xx(await api.request('GET', '/me', { headers: { Authorization: `Bearer ${'x'.repeat(8000)}` } }))
    if (hasMockRoutes) {
      expectError(
        await api.request('POST', '/__mock/grant', { token, body: { points: 1 }, idempotencyKey: 'k'.repeat(201) }),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await api.request('POST', '/__mock/grant', { token, body: { points: 1 }, idempotencyKey: 'has spaces inside' }),
        400,
        'VALIDATION_FAILED',
      )
    }
  })
})
