import { ReferralCard, WxacodeError } from './support/distribution-schemas'
import { createApiClient, expectShape, signUp } from './support/client'
import { becomeDistributor } from './support/distribution'

const api = createApiClient()

const wxacode = (query: Record<string, string>) =>
  api.request('GET', `/distribution/wxacode?${new URLSearchParams(query).toString()}`)

const bytesOf = async (query: Record<string, string>): Promise<Uint8Array> => {
  const url = `${api.baseUrl}/distribution/wxacode?${new URLSearchParams(query).toString()}`
  // The client reads text; the image needs its bytes, so fetch it (in-process through the same app).
  const response = api.isInProcess ? await inProcessFetch(url) : await fetch(url)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('image/png')
  return new Uint8Array(await response.arrayBuffer())
}

let inProcessFetch: (url: string) => Promise<Response> = fetch
beforeAll(async () => {
  if (!api.isInProcess) return
  const { createTestApp } = await import('../support/test-server')
  const { app } = await createTestApp()
  inProcessFetch = (url) => Promise.resolve(app.fetch(new Request(url)))
})

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

describe('the mini-program code (wxacode.getUnlimited rules)', () => {
  it("the card names a scene r=CODE within 32 characters, a page without a query, and the code's image URL", async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const card = expectShape(ReferralCard, (await api.request('GET', '/distribution/card', { token: kol.token })).body)
    expect(card).toMatchObject({
      referralCode: code,
      qrScene: `r=${code}`,
      qrPage: 'pages/home/index',
      sharePath: `/pages/home/index?ref=${code}`,
      nickname: kol.member.nickname,
    })
    expect(card.qrScene.length).toBeLessThanOrEqual(32)
    const url = new URL(card.wxacodeUrl)
    expect(url.pathname).toBe('/api/v1/distribution/wxacode')
    expect(Object.fromEntries(url.searchParams)).toEqual({ scene: `r=${code}`, page: 'pages/home/index' })
  })

  it('answers a deterministic PNG for a good scene and page', async () => {
    const query = { scene: 'r=LINA88', page: 'pages/home/index', width: '300' }
    const first = await bytesOf(query)
    expect([...first.slice(0, 8)]).toEqual(PNG_SIGNATURE)
    // IHDR: width and height as asked.
    const view = new DataView(first.buffer, first.byteOffset)
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([300, 300])
    expect(Buffer.from(await bytesOf(query)).equals(Buffer.from(first))).toBe(true)
    expect(Buffer.from(await bytesOf({ ...query, scene: 'r=MIAO66' })).equals(Buffer.from(first))).toBe(false)
  })

  it.each([
    ['a scene over 32 characters', { scene: `r=${'A'.repeat(31)}`, page: 'pages/home/index' }, 40169],
    ['an empty scene', { scene: '', page: 'pages/home/index' }, 40169],
    ['a scene with a space', { scene: 'r=LINA 88', page: 'pages/home/index' }, 40129],
    ['a scene with Chinese characters', { scene: 'r=莉娜', page: 'pages/home/index' }, 40129],
    ['a scene with %', { scene: 'r=50%', page: 'pages/home/index' }, 40129],
    ['a page with a query', { scene: 'r=LINA88', page: 'pages/home/index?ref=LINA88' }, 41030],
    ['a page with a leading slash', { scene: 'r=LINA88', page: '/pages/home/index' }, 41030],
  ])("refuses %s with WeChat's errcode", async (_label, query, errcode) => {
    const response = await wxacode(query)
    expect(response.status).toBe(400)
    const body = expectShape(WxacodeError, response.body)
    expect(body).toMatchObject({ error: { code: 'WXACODE_INVALID' }, errcode })
    expect(body.errmsg.length).toBeGreaterThan(0)
  })

  it("accepts a 32-character scene of WeChat's allowed punctuation", async () => {
    const scene = "r=AB!#$&'()*+,/:;=?@-._~CDEFGHIJ"
    expect(scene).toHaveLength(32)
    expect((await wxacode({ scene, page: 'pages/home/index' })).status).toBe(200)
  })
})
