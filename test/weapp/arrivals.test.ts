// A member already signed in opens the built mini-program (dist/weapp) through a referral: the mini-program code's
// scene at launch, then another share when the app comes back from the background. Each opening reports its arrival
// once (POST /distribution/arrivals); the server binds a first touch or records why not.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Fan = { member: { id: string; nickname: string }; source: string; isProtected: boolean }
type Arrival = { member: { nickname: string }; source: string; reason: string }

const arrivalsSent = (app: Weapp) =>
  app.fake.requests
    .filter((item) => item.method === 'POST' && item.url.includes('/distribution/arrivals'))
    .map((item) => (typeof item.data === 'string' ? (JSON.parse(item.data) as unknown) : item.data))

test('a signed-in member launched with scene r=LINA88 reports the arrival once and becomes her fan (source scene)', async () => {
  await server.reset()
  const { token, member } = await server.persona('new-member')
  weapp = await launch({ token, entry: 'pages/home/index?scene=r%3DLINA88', scene: 1047 })
  await weapp.settle()
  // onLaunch and onShow both hand the entry's query; the first page carries it too: one report.
  expect(arrivalsSent(weapp)).toEqual([{ code: 'LINA88', source: 'scene' }])

  const kol = await server.persona('kol-distributor')
  const fans = (await server.get<{ items: Fan[] }>('/distribution/fans?limit=50', kol.token)).items
  expect(fans.find((fan) => fan.member.nickname === member.nickname)).toMatchObject({
    source: 'scene',
    isProtected: true,
  })
  expectHealthy(weapp)
})

test('back from the background through another share: that arrival is reported, the same entry again is not', async () => {
  await server.reset()
  const { token, member } = await server.persona('kol-fan')
  weapp = await launch({ token })
  expect(arrivalsSent(weapp)).toEqual([])

  await weapp.comeBack('pages/home/index?ref=LINA88&src=card', 1007)
  expect(arrivalsSent(weapp)).toEqual([{ code: 'LINA88', source: 'card' }])
  await weapp.comeBack('pages/home/index?ref=LINA88&src=card', 1007)
  expect(arrivalsSent(weapp)).toHaveLength(1)

  // Lina's own fan coming back through her card is no lost arrival; Miao's code is: already bound, recorded for her.
  await weapp.comeBack('pages/home/index?scene=r%3DMIAO66', 1047)
  expect(arrivalsSent(weapp)).toEqual([
    { code: 'LINA88', source: 'card' },
    { code: 'MIAO66', source: 'scene' },
  ])
  const kol = await server.persona('kol-distributor')
  const arrivals = (await server.get<{ items: Arrival[] }>('/distribution/arrivals?limit=50', kol.token)).items
  expect(arrivals.filter((item) => item.member.nickname === member.nickname && item.source === 'card')).toEqual([])
  expectHealthy(weapp)
})
