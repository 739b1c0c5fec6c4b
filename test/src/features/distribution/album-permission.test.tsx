import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import { ReferralCard } from '@/features/distribution/components/referral-card'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { installCanvas, KOL, signInAs } from './card-support'

// The mini-program's save flow (lib/save-poster.weapp.ts) in place of H5's, with WeChat's APIs
// answering as a phone would: this is the file the weapp build links to the card.
jest.mock('@/features/distribution/lib/save-poster', () => jest.requireActual('@/features/distribution/lib/save-poster.weapp'))

const ALBUM = 'scope.writePhotosAlbum'
const TEMP_FILE = 'wxfile://tmp/referral-poster.png'

type AuthSetting = Record<string, boolean>

function fakeWechat(options: { setting: AuthSetting; authorize: 'allow' | 'deny'; settingsAfter?: AuthSetting }) {
  const setting = { ...options.setting }
  const calls = {
    export: jest.spyOn(Taro, 'canvasToTempFilePath').mockResolvedValue({ tempFilePath: TEMP_FILE, errMsg: 'canvasToTempFilePath:ok' }),
    getSetting: jest.spyOn(Taro, 'getSetting').mockImplementation(async () => ({ authSetting: { ...setting }, errMsg: 'getSetting:ok' }) as never),
    authorize: jest.spyOn(Taro, 'authorize').mockImplementation(async () => {
      if (options.authorize === 'deny') {
        setting[ALBUM] = false
        throw { errMsg: 'authorize:fail auth deny' }
      }
      setting[ALBUM] = true
      return { errMsg: 'authorize:ok' }
    }),
    save: jest.spyOn(Taro, 'saveImageToPhotosAlbum').mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' }),
    openSetting: jest.spyOn(Taro, 'openSetting').mockImplementation(async () => {
      Object.assign(setting, options.settingsAfter ?? {})
      return { authSetting: { ...setting }, errMsg: 'openSetting:ok' } as never
    }),
    toast: jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' }),
  }
  return calls
}

let canvas: ReturnType<typeof installCanvas>
beforeEach(() => {
  canvas = installCanvas()
})
afterEach(() => {
  canvas.restore()
  jest.restoreAllMocks()
})

async function renderAndSave() {
  await signInAs(KOL.persona)
  const view = renderWithApp(<ReferralCard />)
  const save = await screen.findByTestId('save-poster')
  await waitFor(() => expect(save.getAttribute('aria-disabled')).toBe('false'))
  tap(view.container, 'save-poster')
  return view
}

describe('saving the poster to the album (weapp)', () => {
  test('first time: WeChat asks, the member allows, the exported canvas is saved', async () => {
    const wechat = fakeWechat({ setting: {}, authorize: 'allow' })
    await renderAndSave()
    await waitFor(() => expect(wechat.save).toHaveBeenCalledWith({ filePath: TEMP_FILE }))
    // Compared by identity: a deep match would walk the whole jsdom document behind the element.
    const exported = wechat.export.mock.calls[0]?.[0]
    expect((exported?.canvas as unknown) === document.getElementById('referral-poster')).toBe(true)
    expect(exported?.fileType).toBe('png')
    expect(wechat.authorize).toHaveBeenCalledWith({ scope: ALBUM })
    expect(wechat.toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }))
    expect(screen.queryByTestId('album-denied')).toBeNull()
  })

  test('a refusal is explained and offers the settings; allowing it there saves the poster', async () => {
    const wechat = fakeWechat({ setting: {}, authorize: 'deny', settingsAfter: { [ALBUM]: true } })
    const { container } = await renderAndSave()
    const notice = await screen.findByTestId('album-denied')
    expect(notice.getAttribute('role')).toBe('alert')
    expect(notice.textContent).toContain('添加到相册')
    expect(notice.textContent).toContain('设置')
    expect(wechat.save).not.toHaveBeenCalled()

    tap(container, 'open-settings')
    await waitFor(() => expect(wechat.openSetting).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(wechat.save).toHaveBeenCalledWith({ filePath: TEMP_FILE }))
    await waitFor(() => expect(screen.queryByTestId('album-denied')).toBeNull())
  })

  test('refused earlier: WeChat will not ask again, so the card explains at once without asking', async () => {
    const wechat = fakeWechat({ setting: { [ALBUM]: false }, authorize: 'allow' })
    const { container } = await renderAndSave()
    await screen.findByTestId('album-denied')
    expect(wechat.authorize).not.toHaveBeenCalled()
    expect(wechat.save).not.toHaveBeenCalled()

    // Leaving the settings without allowing it saves nothing and keeps the explanation.
    tap(container, 'open-settings')
    await waitFor(() => expect(wechat.openSetting).toHaveBeenCalledTimes(1))
    expect(wechat.save).not.toHaveBeenCalled()
    expect(screen.getByTestId('album-denied')).toBeTruthy()
  })
})
