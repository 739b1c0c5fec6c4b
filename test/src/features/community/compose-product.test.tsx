import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Post } from '@/contract'
import { PostComposer } from '@/features/community/components/post-composer'
import { useComposeDraft } from '@/features/community/lib/compose-draft'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'

// 添加商品 / 分享赚 in the composer, against the real server in-process: shown to a member with distribution rights
// (read from GET /distribution/status), never to anyone else; the attached product is part of the draft and of
// the publish body, and can be removed.

jest.setTimeout(20_000)
// Each test seeds its own in-process server; on a loaded machine its first answer can take seconds.
configure({ asyncUtilTimeout: 8000 })

type Api = ReturnType<typeof installInProcessApi>

async function signInAs(api: Api, persona: 'kol-distributor' | 'new-member'): Promise<string> {
  const { token } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return token
}

async function typeText(value: string) {
  const textarea = await waitFor(() => {
    const found = document.querySelector('textarea[data-testid="compose-text"]')
    if (!found) throw new Error('no textarea yet')
    return found
  })
  fireEvent.input(textarea, { target: { value } })
}

const publishBodies = (api: Api) =>
  api.sent.filter((call) => call.method === 'POST' && call.path.endsWith('/posts')).map((call) => call.body)

/** Opens the picker and attaches the serum (¥199.00, 10% commission ¥19.90). */
async function attachSerum() {
  tap(await screen.findByTestId('compose-product'), 'compose-product-add')
  const option = await screen.findByTestId('compose-product-option-p-serum')
  expect(option.getAttribute('aria-label')).toBe('添加商品：玻尿酸精华液 50ml')
  expect(within(option).getByTestId('compose-product-price').textContent).toBe('¥199.00')
  expect(within(option).getByTestId('compose-product-earn').textContent).toBe('赚 ¥19.90')
  fireEvent.click(option)
  const attached = await screen.findByTestId('compose-product-attached')
  await waitFor(() =>
    expect(within(attached).getByTestId('compose-product-name').textContent).toBe('玻尿酸精华液 50ml'),
  )
  expect(within(attached).getByTestId('compose-product-price').textContent).toBe('¥199.00')
  return attached
}

beforeEach(() => {
  // No draft and no owner: the member each test signs in as takes the draft the test sets up.
  useComposeDraft.getState().cleared()
  useComposeDraft.setState({ ownerId: null })
})

describe('the product picker (分享赚)', () => {
  test('a KOL attaches a product: it is kept in the draft, sent with the post, and the post lands in 分享赚', async () => {
    const api = installInProcessApi()
    const token = await signInAs(api, 'kol-distributor')
    const first = renderWithApp(<PostComposer />)
    await typeText('回购三次的精华，挂给大家')
    await attachSerum()
    expect(useComposeDraft.getState().productId).toBe('p-serum')
    // The list closed once one was picked; only the attached one shows.
    expect(screen.queryByTestId('compose-product-option-p-serum')).toBeNull()
    first.unmount()

    // Kept in storage with the rest of the draft, and shown again on coming back.
    const stored = JSON.parse(window.localStorage.getItem('fanloop.compose-draft') ?? '{}') as { data?: string }
    expect(JSON.parse(stored.data ?? '{}')).toMatchObject({ state: { productId: 'p-serum' } })
    renderWithApp(<PostComposer />)
    const attached = await screen.findByTestId('compose-product-attached')
    await waitFor(() =>
      expect(within(attached).getByTestId('compose-product-name').textContent).toBe('玻尿酸精华液 50ml'),
    )

    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    expect(publishBodies(api)).toEqual([{ text: '回购三次的精华，挂给大家', images: [], productId: 'p-serum' }])
    expect(useComposeDraft.getState().productId).toBeNull()
    const mine = (await api.call('GET', '/me/posts', { token })).json as { items: Post[] }
    expect(mine.items[0]).toMatchObject({ productId: 'p-serum', section: 'earn' })
  })

  test('an attached product can be removed, and then the post goes out without one', async () => {
    const api = installInProcessApi()
    await signInAs(api, 'kol-distributor')
    renderWithApp(<PostComposer />)
    await typeText('今天不挂商品')
    const attached = await attachSerum()
    const remove = within(attached).getByTestId('compose-product-remove')
    expect(remove.getAttribute('aria-label')).toBe('移除商品：玻尿酸精华液 50ml')
    fireEvent.click(remove)
    expect(useComposeDraft.getState().productId).toBeNull()
    expect(screen.queryByTestId('compose-product-attached')).toBeNull()
    expect(screen.getByTestId('compose-product-add')).toBeTruthy()

    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    expect(publishBodies(api)).toEqual([{ text: '今天不挂商品', images: [] }])
  })

  test('a member without distribution rights sees no picker, and a product left in the draft is not sent', async () => {
    const api = installInProcessApi()
    await signInAs(api, 'new-member')
    // A draft written while the member had rights (or by hand): what is not shown is not sent.
    useComposeDraft.getState().productChosen('p-serum')
    const { queryClient } = renderWithApp(<PostComposer />)
    await typeText('普通会员的笔记')
    await waitFor(() => expect(queryClient.getQueryState(['distribution', 'status'])?.status).toBe('success'))
    expect(screen.queryByTestId('compose-product')).toBeNull()
    expect(screen.queryByText('添加商品 / 分享赚')).toBeNull()

    tap(document.body, 'compose-publish')
    expect((await screen.findByTestId('publish-result')).getAttribute('data-status')).toBe('published')
    expect(publishBodies(api)).toEqual([{ text: '普通会员的笔记', images: [] }])
  })
})
