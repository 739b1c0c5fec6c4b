// The frame every weapp test file shares: one server for the file, the apps its tests launch closed after each test,
// and the file's largest setData per page reported when it ends. A file calls it once, at the top:
//
//   const { server, launch } = weappTestFile(__filename)
//   test('…', async () => {
//     const { token } = await server.persona('new-member')
//     const weapp = await launch({ token, entry: 'pages/me/index' })
//   })
import type { AppConfig } from '../../src/contract/config'
import { launchWeapp, reportSetData, type LaunchOptions, type Weapp } from './weapp-harness'
import { startWeappServer, type WeappServer } from './weapp-server'

export type WeappTestFileOptions = {
  /** The program config the server serves (the seed's unless given). */
  config?: AppConfig
  /** Puts the server back to the seed before each test (POST /__mock/reset). */
  resetEachTest?: boolean
}

export function weappTestFile(
  testFile: string,
  options: WeappTestFileOptions = {},
): { server: WeappServer; launch: (launchOptions?: Omit<LaunchOptions, 'apiBase'>) => Promise<Weapp> } {
  let started: WeappServer | undefined
  const launched: Weapp[] = []
  const running = (): WeappServer => {
    if (!started) throw new Error('the weapp test server is not running (used outside a test?)')
    return started
  }

  beforeAll(async () => {
    started = await startWeappServer({ config: options.config })
  })
  if (options.resetEachTest) beforeEach(() => running().reset())
  afterEach(() => {
    for (const weapp of launched.splice(0)) weapp.close()
  })
  afterAll(async () => {
    reportSetData(testFile)
    await started?.close()
  })

  // Started in beforeAll: the file holds this stand-in from its first line.
  const server: WeappServer = {
    get apiBase() {
      return running().apiBase
    },
    close: () => running().close(),
    reset: () => running().reset(),
    persona: (id) => running().persona(id),
    get: (path, token) => running().get(path, token),
    post: (path, body, token) => running().post(path, body, token),
  }
  const launch = async (launchOptions: Omit<LaunchOptions, 'apiBase'> = {}): Promise<Weapp> => {
    const weapp = await launchWeapp({ ...launchOptions, apiBase: running().apiBase })
    launched.push(weapp)
    return weapp
  }
  return { server, launch }
}
