import Taro from '@tarojs/taro'
import { configure, screen, waitFor } from '@testing-library/react'
import type { Member, Post } from '@/contract'
import { meQuery } from '@/features/account/api/account-queries'
import { pickAvatar, releaseAvatar } from '@/features/account/lib/pick-avatar'
import { postsQuery } from '@/features/community/api/post-queries'
import { kolKeys } from '@/features/distribution/api/rights-queries'
import ProfilePage from '@/packages/membership/profile/index'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// 个人资料's avatar against the real server in-process. Picking the photo is the platform's (a file input on H5,
// WeChat's avatar picker on weapp: test/weapp/profile-avatar.test.ts) and is stubbed; the upload goes through
// Taro.uploadFile, played here as the platforms answer it (the body back as text, or a failure).

jest.mock('@/features/account/lib/pick-avatar', () => ({ pickAvatar: jest.fn(), releaseAvatar: jest.fn() }))
const pick = pickAvatar as jest.MockedFunction<typeof pickAvatar>
const release = releaseAvatar as jest.MockedFunction<typeof releaseAvatar>

jest.setTimeout(20_000)
configure({ asyncUtilTimeout: 8000 })

type Api = ReturnType<typeof installInProcessApi>

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
const files = new Map<string, Uint8Array<ArrayBuffer>>()

type UploadOption = {
  url: string
  filePath: string
  name: string
  header: Record<string, string>
  success: (answer: { statusCode: number; data: string }) => void
  fail: (failure: { errMsg: string }) => void
}

function installUploads(api: Api, options: { offline?: boolean; hold?: Promise<void> } = {}) {
  const sent: string[] = []
  const spy = jest.spyOn(Taro, 'uploadFile').mockImplementation(((option: UploadOption) => {
    sent.push(option.filePath)
    void (async () => {
      await options.hold
      if (options.offline) return option.fail({ errMsg: 'uploadFile:fail net::ERR_INTERNET_DISCONNECTED' })
      const form = new FormData()
      form.append(option.name, new Blob([files.get(option.filePath) ?? new Uint8Array(0)]), 'avatar')
      const response = await api.app.fetch(
        new Request(`http://127.0.0.1${option.url}`, { method: 'POST', headers: option.header, body: form }),
      )
      option.success({ statusCode: response.status, data: await response.text() })
    })()
    return { onProgressUpdate: () => undefined, abort: () => undefined }
  }) as never)
  return { sent, spy }
}

const serverMe = async (api: Api, token: string) => (await api.call('GET', '/me', { token })).json as Member
const patchCalls = (api: Api) => api.sent.filter((call) => call.method === 'PATCH' && call.path.endsWith('/me'))
const avatarImage = () => document.querySelector<HTMLImageElement>('[data-testid="profile-avatar"] img')

async function signedIn(api: Api): Promise<string> {
  const { token } = await api.signInPersona('new-member')
  useSession.getState().signedIn(token)
  return token
}

let uploads: ReturnType<typeof installUploads> | null = null
let showToast: jest.SpyInstance
beforeEach(() => {
  showToast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})
afterEach(() => {
  uploads?.spy.mockRestore()
  uploads = null
  showToast.mockRestore()
  files.clear()
  pick.mockReset()
  release.mockReset()
})

describe('个人资料: the avatar', () => {
  test('a new picture is uploaded, saved with PATCH /me and shown at once; the feed and the KOL card read it again', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    expect((await serverMe(api, token)).avatarUrl).toBe('')
    let upload = () => undefined as void
    uploads = installUploads(api, { hold: new Promise<void>((resolve) => (upload = resolve)) })
    files.set('blob:avatar', PNG)
    pick.mockResolvedValue({ path: 'blob:avatar', size: PNG.length })
    const { container, queryClient } = renderWithApp(<ProfilePage />)
    // No avatar yet: the nickname's first character stands in.
    const initial = await screen.findByTestId('profile-avatar-initial')
    const member = await serverMe(api, token)
    expect(initial.textContent).toBe(member.nickname.slice(0, 1))
    // Posts and the KOL card drawn with the old avatar, cached.
    queryClient.setQueryData(postsQuery('recommend').queryKey, { pages: [], pageParams: [] } as never)
    queryClient.setQueryData(kolKeys.card, {} as never)

    tap(container, 'change-avatar')
    // Busy while the picture goes up: one picture at a time, and the old avatar stays until the server has the new.
    expect((await screen.findByTestId('avatar-uploading')).textContent).toBe('正在上传…')
    expect(screen.getByTestId('change-avatar').getAttribute('aria-disabled')).toBe('true')
    expect(screen.getByTestId('profile-avatar-initial')).toBeTruthy()
    upload()

    await waitFor(() => expect(avatarImage()).toBeTruthy())
    const saved = await serverMe(api, token)
    expect(saved.avatarUrl).toMatch(/^http:\/\/127\.0\.0\.1\/api\/v1\/uploads\/[0-9a-f]+\.png$/)
    expect(patchCalls(api)).toHaveLength(1)
    expect(patchCalls(api)[0]?.body).toEqual({ avatarUrl: saved.avatarUrl })
    expect(avatarImage()?.getAttribute('src')).toBe(saved.avatarUrl)
    expect(screen.queryByTestId('profile-avatar-initial')).toBeNull()
    expect(screen.queryByTestId('avatar-uploading')).toBeNull()
    expect(queryClient.getQueryData<Member>(meQuery().queryKey)?.avatarUrl).toBe(saved.avatarUrl)
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '头像已更换' }))
    expect(queryClient.getQueryState(postsQuery('recommend').queryKey)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(kolKeys.card)?.isInvalidated).toBe(true)
    expect(release).toHaveBeenCalledWith('blob:avatar')
    // Everyone reading the member's posts sees it: the author line comes from the member's row.
    const { json: published } = await api.call('POST', '/posts', {
      token,
      body: { text: '换了新头像' },
      idempotencyKey: 'k-avatar-post',
    })
    expect((published as unknown as Post).author.avatarUrl).toBe(saved.avatarUrl)
  })

  test('an upload with no connection says so, sends no PATCH and keeps the old avatar', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    uploads = installUploads(api, { offline: true })
    files.set('blob:offline', PNG)
    pick.mockResolvedValue({ path: 'blob:offline', size: PNG.length })
    const { container } = renderWithApp(<ProfilePage />)
    await screen.findByTestId('profile-avatar-initial')
    tap(container, 'change-avatar')
    expect((await screen.findByTestId('avatar-error')).textContent).toBe('网络不通，头像没有换成，请检查网络后重试')
    expect(patchCalls(api)).toHaveLength(0)
    expect(screen.getByTestId('profile-avatar-initial')).toBeTruthy()
    expect((await serverMe(api, token)).avatarUrl).toBe('')
    expect(screen.getByTestId('change-avatar').getAttribute('aria-disabled')).toBe('false')
  })

  test('a file that is no picture is refused by the server and said so; one over 5 MB is not even sent', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    uploads = installUploads(api)
    files.set('blob:svg', SVG)
    pick.mockResolvedValueOnce({ path: 'blob:svg', size: SVG.length })
    const { container } = renderWithApp(<ProfilePage />)
    await screen.findByTestId('profile-avatar-initial')
    tap(container, 'change-avatar')
    expect((await screen.findByTestId('avatar-error')).textContent).toBe('只能用 JPEG、PNG 或 WebP 图片作头像')
    expect(uploads.sent).toEqual(['blob:svg'])

    pick.mockResolvedValueOnce({ path: 'blob:huge', size: 5 * 1024 * 1024 + 1 })
    tap(container, 'change-avatar')
    await waitFor(() => expect(screen.getByTestId('avatar-error').textContent).toBe('图片超过 5 MB，请换一张'))
    expect(uploads.sent).toEqual(['blob:svg'])
    expect(release).toHaveBeenCalledWith('blob:huge')
    expect(patchCalls(api)).toHaveLength(0)
    expect((await serverMe(api, token)).avatarUrl).toBe('')
    expect(screen.getByTestId('profile-avatar-initial')).toBeTruthy()
  })

  test('a member who has an avatar sees it, and a failed change keeps it', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    uploads = installUploads(api)
    files.set('blob:first', PNG)
    pick.mockResolvedValueOnce({ path: 'blob:first', size: PNG.length })
    const { container } = renderWithApp(<ProfilePage />)
    await screen.findByTestId('profile-avatar-initial')
    tap(container, 'change-avatar')
    await waitFor(() => expect(avatarImage()).toBeTruthy())
    const first = (await serverMe(api, token)).avatarUrl

    // The PATCH fails (a 5xx) after the picture went up: the avatar shown and stored is still the first.
    api.fail('PATCH', '/me', { kind: 'status', status: 503, body: '{"error":{"code":"UNAVAILABLE","message":"x"}}' })
    files.set('blob:second', PNG)
    pick.mockResolvedValueOnce({ path: 'blob:second', size: PNG.length })
    tap(container, 'change-avatar')
    expect(await screen.findByTestId('avatar-error')).toBeTruthy()
    expect(avatarImage()?.getAttribute('src')).toBe(first)
    expect((await serverMe(api, token)).avatarUrl).toBe(first)
  })
})
