import Taro from '@tarojs/taro'
import { act, configure, fireEvent, screen, waitFor } from '@testing-library/react'
import type { Post } from '@/contract'
import { PostComposer } from '@/features/community/components/post-composer'
import { useComposeDraft } from '@/features/community/lib/compose-draft'
import { pickImages } from '@/features/community/lib/pick-images'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap, typeInto } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// The composer against the real server in-process. Picking photos is the platform's (a file input on H5,
// chooseMedia on weapp) and is stubbed; the upload goes through Taro.uploadFile, whose stand-in here sends the
// picked bytes to the in-process server as multipart, reporting progress like wx.uploadFile and XHR do.

jest.mock('@/features/community/lib/pick-images', () => ({ pickImages: jest.fn(), releaseImage: jest.fn() }))
const pick = pickImages as jest.MockedFunction<typeof pickImages>

jest.setTimeout(20_000)
// Each test seeds its own in-process server; on a loaded machine its first answer can take seconds.
configure({ asyncUtilTimeout: 8000 })

type Api = ReturnType<typeof installInProcessApi>

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')

/** Files the stub picker "picked", by path. */
const files = new Map<string, Uint8Array<ArrayBuffer>>()

type UploadOption = {
  url: string
  filePath: string
  name: string
  header: Record<string, string>
  success: (answer: { statusCode: number; data: string }) => void
  fail: (failure: { errMsg: string }) => void
}

/** Taro.uploadFile as the platforms behave: progress callbacks, then success with the body as text (or fail). */
function installUploads(api: Api, options: { offline?: boolean; hold?: Promise<void> } = {}) {
  const sent: string[] = []
  const spy = jest.spyOn(Taro, 'uploadFile').mockImplementation(((option: UploadOption) => {
    const progress: ((update: { progress: number }) => void)[] = []
    sent.push(option.filePath)
    void (async () => {
      await Promise.resolve()
      progress.forEach((callback) => callback({ progress: 40 }))
      await options.hold
      if (options.offline) return option.fail({ errMsg: 'uploadFile:fail net::ERR_INTERNET_DISCONNECTED' })
      const form = new FormData()
      form.append(option.name, new Blob([files.get(option.filePath) ?? new Uint8Array(0)]), 'photo')
      const response = await api.app.fetch(
        new Request(`http://127.0.0.1${option.url}`, { method: 'POST', headers: option.header, body: form }),
      )
      progress.forEach((callback) => callback({ progress: 100 }))
      option.success({ statusCode: response.status, data: await response.text() })
    })()
    return {
      onProgressUpdate: (callback: (update: { progress: number }) => void) => progress.push(callback),
      abort: () => undefined,
    }
  }) as never)
  return { sent, spy }
}

async function signedIn(api: Api): Promise<string> {
  const { token } = await api.signInPersona('new-member')
  useSession.getState().signedIn(token)
  return token
}

const counter = () => screen.getByTestId('compose-counter').textContent
const uploadedTiles = () => screen.queryAllByTestId('compose-image')

let uploads: ReturnType<typeof installUploads> | null = null
beforeEach(() => {
  // The draft store lives for the whole file; each test starts with none (storage is cleared by setup-app).
  useComposeDraft.getState().cleared()
})
afterEach(() => {
  uploads?.spy.mockRestore()
  uploads = null
  files.clear()
  pick.mockReset()
})

describe('PostComposer', () => {
  test('counts characters live and stops at 1000', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const { container } = renderWithApp(<PostComposer />)
    expect(counter()).toBe('0/1000')
    await typeInto(document.body, 'compose-text', '今天的护肤心得')
    expect(counter()).toBe('7/1000')
    await typeInto(document.body, 'compose-text', '长'.repeat(1005))
    expect(counter()).toBe('1000/1000')
    expect(useComposeDraft.getState().text).toHaveLength(1000)
    expect(container.querySelector('.composer__counter--full')).toBeTruthy()
  })

  test('the limit never cuts an emoji in half: one that would straddle 1000 is left out whole', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', `${'长'.repeat(999)}😀`)
    expect(useComposeDraft.getState().text).toBe('长'.repeat(999))
    expect(counter()).toBe('999/1000')
    await typeInto(document.body, 'compose-text', `${'长'.repeat(998)}😀`)
    expect(useComposeDraft.getState().text).toBe(`${'长'.repeat(998)}😀`)
  })

  test('takes at most 9 photos: the picker is asked only for the slots left, and the add tile goes at 9', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    uploads = installUploads(api)
    // Seven photos already in the draft (what the server answered for earlier uploads).
    for (let index = 0; index < 7; index += 1)
      useComposeDraft.getState().imageUploaded(`http://127.0.0.1/api/v1/uploads/earlier${index}.png`)
    renderWithApp(<PostComposer />)
    expect(screen.getByTestId('compose-image-count').textContent).toBe('7/9')
    pick.mockImplementation(async (count) =>
      Array.from({ length: count + 3 }, (_, index) => {
        const path = `blob:photo-${count}-${index}`
        files.set(path, PNG)
        return { path, size: PNG.length }
      }),
    )
    tap(document.body, 'compose-add-image')
    expect(pick).toHaveBeenLastCalledWith(2)
    await waitFor(() => expect(uploadedTiles().length).toBe(9))
    // The picker returned more than asked: only 2 went up.
    expect(uploads.sent).toHaveLength(2)
    expect(screen.getByTestId('compose-image-count').textContent).toBe('9/9')
    expect(screen.queryByTestId('compose-add-image')).toBeNull()
    expect(useComposeDraft.getState().images).toHaveLength(9)

    // Removing one opens one slot, and the picker is asked for exactly one.
    tap(uploadedTiles()[0] as HTMLElement, 'compose-image-remove')
    expect(uploadedTiles()).toHaveLength(8)
    tap(document.body, 'compose-add-image')
    expect(pick).toHaveBeenLastCalledWith(1)
    // (Its upload finishes before the next test: it would land in the shared draft store otherwise.)
    await waitFor(() => expect(uploadedTiles().length).toBe(9))
  })

  test('shows each photo uploading with its progress, then lets it be reordered and removed', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    let release = () => undefined as void
    uploads = installUploads(api, { hold: new Promise<void>((resolve) => (release = resolve)) })
    renderWithApp(<PostComposer />)
    files.set('blob:a', PNG)
    files.set('blob:b', PNG)
    pick.mockResolvedValue([
      { path: 'blob:a', size: PNG.length },
      { path: 'blob:b', size: PNG.length },
    ])
    tap(document.body, 'compose-add-image')
    // Both wait their turn; the first reports how far it got.
    await waitFor(() => expect(screen.getAllByTestId('compose-uploading')[0]?.textContent).toContain('上传中 40%'))
    expect(screen.getAllByTestId('compose-uploading')).toHaveLength(2)
    expect(screen.getAllByTestId('compose-uploading')[1]?.textContent).toContain('上传中 0%')
    release()
    await waitFor(() => expect(uploadedTiles().length).toBe(2))
    const [first, second] = useComposeDraft.getState().images
    tap(uploadedTiles()[1] as HTMLElement, 'compose-image-earlier')
    expect(useComposeDraft.getState().images).toEqual([second, first])
    tap(uploadedTiles()[0] as HTMLElement, 'compose-image-remove')
    expect(useComposeDraft.getState().images).toEqual([first])
  })

  test('the draft (text, topic, uploaded photos) survives leaving the page and coming back', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    uploads = installUploads(api)
    files.set('blob:keep', PNG)
    pick.mockResolvedValue([{ path: 'blob:keep', size: PNG.length }])
    const first = renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', '写到一半')
    await waitFor(() => expect(screen.getAllByTestId('compose-topic').length).toBeGreaterThan(1))
    fireEvent.click(screen.getAllByTestId('compose-topic')[1] as HTMLElement)
    tap(document.body, 'compose-add-image')
    await waitFor(() => expect(uploadedTiles().length).toBe(1))
    first.unmount()

    // What was kept is in Taro storage (localStorage on H5), not only in memory.
    const stored = JSON.parse(window.localStorage.getItem('fanloop.compose-draft') ?? '{}') as { data?: string }
    expect(JSON.parse(stored.data ?? '{}')).toMatchObject({ state: { text: '写到一半', images: [expect.any(String)] } })

    renderWithApp(<PostComposer />)
    await waitFor(() =>
      expect((document.querySelector('textarea[data-testid="compose-text"]') as HTMLTextAreaElement).value).toBe(
        '写到一半',
      ),
    )
    expect(uploadedTiles()).toHaveLength(1)
    await waitFor(() => {
      const chosen = screen.getAllByTestId('compose-topic').find((chip) => chip.getAttribute('aria-checked') === 'true')
      expect(chosen?.textContent).toMatch(/^#/)
    })
  })

  test('an upload the server refuses keeps the draft and says why; retry and remove work', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    uploads = installUploads(api)
    files.set('blob:good', PNG)
    files.set('blob:svg', SVG)
    pick.mockResolvedValue([
      { path: 'blob:good', size: PNG.length },
      { path: 'blob:svg', size: SVG.length },
    ])
    renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', '一张好图一张坏图')
    tap(document.body, 'compose-add-image')
    const failed = await screen.findByTestId('compose-upload-failed', {}, { timeout: 5000 })
    expect(failed.textContent).toContain('只能上传 JPEG、PNG 或 WebP 图片')
    expect(uploadedTiles()).toHaveLength(1)
    expect(useComposeDraft.getState()).toMatchObject({ text: '一张好图一张坏图' })
    expect(useComposeDraft.getState().images).toHaveLength(1)

    // The member swaps the bytes (say, re-exports the photo) and retries: it goes up.
    files.set('blob:svg', PNG)
    tap(failed, 'compose-upload-retry')
    await waitFor(() => expect(uploadedTiles().length).toBe(2))
    expect(screen.queryByTestId('compose-upload-failed')).toBeNull()
  })

  test('an upload with no network keeps the draft and says to check the network', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    uploads = installUploads(api, { offline: true })
    files.set('blob:offline', PNG)
    pick.mockResolvedValue([{ path: 'blob:offline', size: PNG.length }])
    renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', '地铁里写的')
    tap(document.body, 'compose-add-image')
    const failed = await screen.findByTestId('compose-upload-failed')
    expect(failed.textContent).toContain('网络不通')
    expect(useComposeDraft.getState().text).toBe('地铁里写的')
    tap(failed, 'compose-upload-dismiss')
    expect(screen.queryByTestId('compose-upload-failed')).toBeNull()
    expect(useComposeDraft.getState().text).toBe('地铁里写的')
  })

  test('a photo over 5 MB is refused before it is sent', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    uploads = installUploads(api)
    pick.mockResolvedValue([{ path: 'blob:huge', size: 5 * 1024 * 1024 + 1 }])
    renderWithApp(<PostComposer />)
    tap(document.body, 'compose-add-image')
    expect((await screen.findByTestId('compose-upload-failed')).textContent).toContain('图片超过 5 MB')
    expect(uploads.sent).toEqual([])
  })

  test('publishing sends the draft once, clears it, and shows the post as the server has it', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    renderWithApp(<PostComposer />)
    tap(document.body, 'compose-publish')
    expect(screen.getByTestId('compose-error').textContent).toBe('写点什么再发布吧')
    // Only zero-width characters would show as an empty post: refused here, as the server would, and nothing sent.
    await typeInto(document.body, 'compose-text', '\u200b\u200d \ufeff')
    tap(document.body, 'compose-publish')
    expect(screen.getByTestId('compose-error').textContent).toBe('写点什么再发布吧')
    expect(api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/posts'))).toEqual([])
    await typeInto(document.body, 'compose-text', '今天打卡第一天')
    tap(document.body, 'compose-publish')
    const result = await screen.findByTestId('publish-result')
    expect(result.getAttribute('data-status')).toBe('published')
    expect(screen.getByTestId('post-state').textContent).toBe('已发布')
    expect(useComposeDraft.getState().text).toBe('')
    const posts = api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/posts'))
    expect(posts).toHaveLength(1)
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy()
    const mine = (await api.call('GET', '/me/posts', { token })).json as { items: Post[] }
    expect(mine.items[0]?.text).toBe('今天打卡第一天')
  })

  test('a post with a banned word is shown rejected with the reason, and its draft is kept to edit', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', '高薪兼职刷单')
    tap(document.body, 'compose-publish')
    const result = await screen.findByTestId('publish-result')
    expect(result.getAttribute('data-status')).toBe('rejected')
    expect(screen.getByTestId('publish-reject-reason').textContent).toContain('刷单')
    expect(useComposeDraft.getState().text).toBe('高薪兼职刷单')
    await act(async () => {
      tap(document.body, 'publish-edit-again')
    })
    await waitFor(() =>
      expect((document.querySelector('textarea[data-testid="compose-text"]') as HTMLTextAreaElement).value).toBe(
        '高薪兼职刷单',
      ),
    )
  })
})

describe('修改后重发: publishing the corrected post replaces the rejected one', () => {
  const rejectedPost = async (api: Api, token: string, text: string) =>
    (await api.call('POST', '/posts', { token, body: { text }, idempotencyKey: `post-${Math.random()}` })).json as Post
  const myPosts = async (api: Api, token: string) =>
    ((await api.call('GET', '/me/posts', { token })).json as { items: Post[] }).items.map((post) => [
      post.text,
      post.status,
    ])
  const textarea = () => document.querySelector('textarea[data-testid="compose-text"]') as HTMLTextAreaElement

  test('once the server accepts the new post the rejected one is deleted; a second refusal is replaced too', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const rejected = await rejectedPost(api, token, '兼职刷单，日结')
    useComposeDraft.getState().reworkStarted(rejected)
    renderWithApp(<PostComposer />)
    expect(screen.getByTestId('compose-rework').textContent).toContain('新笔记发布后它会被删除')
    await waitFor(() => expect(textarea().value).toBe('兼职刷单，日结'))

    // Still refused: that copy joins the one it corrects, the draft stays to edit.
    await typeInto(document.body, 'compose-text', '兼职刷 单，日结')
    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('rejected')
    expect(api.sent.filter((call) => call.method === 'DELETE')).toHaveLength(0)
    await act(async () => {
      tap(document.body, 'publish-edit-again')
    })
    expect(screen.getByTestId('compose-rework').textContent).toContain('2 篇未通过的笔记')

    await typeInto(document.body, 'compose-text', '兼职日结，欢迎咨询')
    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    await waitFor(() => expect(api.sent.filter((call) => call.method === 'DELETE')).toHaveLength(2))
    await waitFor(async () => expect(await myPosts(api, token)).toEqual([['兼职日结，欢迎咨询', 'published']]))
    expect(screen.queryByTestId('publish-replaced-left')).toBeNull()
    expect(useComposeDraft.getState()).toMatchObject({ text: '', replaces: [] })
  })

  test('if deleting the rejected one fails, the new post stays and the author is told to delete it by hand', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const rejected = await rejectedPost(api, token, '兼职刷单，日结')
    useComposeDraft.getState().reworkStarted(rejected)
    api.fail('DELETE', `/posts/${rejected.id}`, { kind: 'network' })
    renderWithApp(<PostComposer />)
    await waitFor(() => expect(textarea().value).toBe('兼职刷单，日结'))
    await typeInto(document.body, 'compose-text', '兼职日结')
    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    expect((await screen.findByTestId('publish-replaced-left')).textContent).toContain('我的笔记')
    expect(await myPosts(api, token)).toEqual([
      ['兼职日结', 'published'],
      ['兼职刷单，日结', 'rejected'],
    ])
  })

  test('保留原笔记: the draft publishes as a post of its own and the rejected one stays', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const rejected = await rejectedPost(api, token, '兼职刷单，日结')
    useComposeDraft.getState().reworkStarted(rejected)
    renderWithApp(<PostComposer />)
    await waitFor(() => expect(textarea().value).toBe('兼职刷单，日结'))
    tap(document.body, 'compose-keep-rejected')
    expect(screen.queryByTestId('compose-rework')).toBeNull()
    await typeInto(document.body, 'compose-text', '另一篇笔记')
    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    expect(api.sent.filter((call) => call.method === 'DELETE')).toHaveLength(0)
    expect((await myPosts(api, token)).map(([, status]) => status)).toEqual(['published', 'rejected'])
  })

  const postedBody = (api: Api) =>
    api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/posts')).at(-1)?.body

  test('a topic the operator removed since: the composer says so, and the corrected post goes without it', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const rejected = (
      await api.call('POST', '/posts', {
        token,
        body: { text: '兼职刷单，日结', topic: '晒单分享' },
        idempotencyKey: `post-${Math.random()}`,
      })
    ).json as Post
    expect(rejected).toMatchObject({ status: 'rejected', topic: '晒单分享' })
    await api.sql(`DELETE FROM topics WHERE name = $1`, ['晒单分享'])
    useComposeDraft.getState().reworkStarted(rejected)
    renderWithApp(<PostComposer />)
    expect((await screen.findByTestId('compose-topic-gone')).textContent).toBe(
      '话题「晒单分享」已下线，发布时不再带它；可以另选一个话题',
    )
    // No chip of a topic that is gone: 不选话题 is what goes out.
    const chosen = screen.getAllByTestId('compose-topic').find((chip) => chip.getAttribute('aria-checked') === 'true')
    expect(chosen?.textContent).toBe('不选话题')
    await typeInto(document.body, 'compose-text', '晒单：到手啦')
    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    expect(postedBody(api)).not.toHaveProperty('topic')
    expect(await myPosts(api, token)).toEqual([['晒单：到手啦', 'published']])
  })

  test('a topic removed while the composer is open: the refusal says to choose another, and the notice appears', async () => {
    const api = installInProcessApi()
    const token = await signedIn(api)
    const rejected = (
      await api.call('POST', '/posts', {
        token,
        body: { text: '兼职刷单，日结', topic: '晒单分享' },
        idempotencyKey: `post-${Math.random()}`,
      })
    ).json as Post
    useComposeDraft.getState().reworkStarted(rejected)
    renderWithApp(<PostComposer />)
    await waitFor(() => expect(screen.getAllByTestId('compose-topic').length).toBeGreaterThan(1))
    expect(screen.queryByTestId('compose-topic-gone')).toBeNull()
    await api.sql(`DELETE FROM topics WHERE name = $1`, ['晒单分享'])
    await typeInto(document.body, 'compose-text', '晒单：到手啦')
    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('compose-error')).textContent).toBe(
      '所选话题已下线，请另选话题或选「不选话题」后再发布',
    )
    expect(postedBody(api)).toMatchObject({ topic: '晒单分享' })
    await screen.findByTestId('compose-topic-gone')
    // Publishing again goes without it, under a new intent (the body changed).
    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    expect(postedBody(api)).not.toHaveProperty('topic')
    expect(await myPosts(api, token)).toEqual([['晒单：到手啦', 'published']])
  })
})

describe('the draft on a shared phone', () => {
  test('another member who signs in does not see the previous member’s draft; the same member does', async () => {
    const api = installInProcessApi()
    await signedIn(api)
    const first = renderWithApp(<PostComposer />)
    await typeInto(document.body, 'compose-text', '新朋友的草稿')
    await waitFor(() => expect(useComposeDraft.getState().ownerId).not.toBeNull())
    first.unmount()

    const same = renderWithApp(<PostComposer />)
    await waitFor(() => expect(useComposeDraft.getState().text).toBe('新朋友的草稿'))
    same.unmount()

    const { token } = await api.signInPersona('kol-distributor')
    useSession.getState().signedIn(token)
    renderWithApp(<PostComposer />)
    await waitFor(() => expect(useComposeDraft.getState().text).toBe(''))
    expect((document.querySelector('textarea[data-testid="compose-text"]') as HTMLTextAreaElement).value).toBe('')
  })
})
