import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import { emitPage, emitPageScroll } from '../../../support/taro-shim'
import type { Post } from '@/contract'
import { CommunityFeed } from '@/features/community/components/community-feed'
import { PostCard } from '@/features/community/components/post-card'
import { designLength } from '@/features/community/lib/design-units'
import { CARD_INNER_GAP, CARD_PADDING, postCardLayout } from '@/features/community/lib/card-layout'
import { installInProcessApi } from '../../../support/in-process-api'
import { renderWithApp } from '../../../support/render-app'

jest.setTimeout(60_000)

const remToUnits = (length: string) => Number(length.replace(/rem$/, '')) * 40

const samplePost = (overrides: Partial<Post>): Post => ({
  id: 'p1',
  author: { id: 'm1', nickname: '小林', avatarUrl: '', levelCode: 'V2' },
  text: '好'.repeat(200),
  images: [
    'https://cdn.example/1.jpg',
    'https://cdn.example/2.jpg',
    'https://cdn.example/3.jpg',
    'https://cdn.example/4.jpg',
  ],
  topic: '护肤心得',
  section: 'earn',
  status: 'published',
  likeCount: 3,
  commentCount: 2,
  likedByMe: false,
  isPinned: false,
  createdAt: '2026-11-23T08:00:00+08:00',
  productId: 'p-serum',
  ...overrides,
})

describe('PostCard: drawn at the height the layout computed', () => {
  test.each([
    ['text, 4 images and a product', {}],
    ['short text only', { text: '新人报到', images: [], productId: null, topic: null }],
    ['one image', { text: '晒单', images: ['https://cdn.example/1.jpg'], productId: null }],
  ])('%s: blocks + gaps + padding = card height', (_name, overrides) => {
    const post = samplePost(overrides as Partial<Post>)
    const { container } = renderWithApp(<PostCard post={post} onOpened={() => undefined} />)
    const card = container.querySelector('[data-testid="post-card"]') as HTMLElement
    const layout = postCardLayout(post)
    expect(card.style.height).toBe(designLength(layout.height))
    const blocks = [...card.children].map((child) => remToUnits((child as HTMLElement).style.height))
    expect(blocks.every((height) => height > 0)).toBe(true)
    // "全文" sits right under the text (its -16 margin cancels the gap before it).
    const gaps = (blocks.length - 1 - (layout.isClamped ? 1 : 0)) * CARD_INNER_GAP
    expect(blocks.reduce((sum, height) => sum + height, 0) + gaps + 2 * CARD_PADDING).toBeCloseTo(layout.height, 3)
    expect(Boolean(container.querySelector('[data-testid="post-more"]'))).toBe(layout.isClamped)
    expect(Boolean(container.querySelector('[data-testid="post-product"]'))).toBe(Boolean(post.productId))
  })
})

describe('PostCard: the product a 分享赚 post carries', () => {
  test('shows its name and price from the server, and a tap opens its page with the post', async () => {
    const api = installInProcessApi()
    const product = (await api.call('GET', '/products/p-serum')).json as { name: string; priceFen: number }
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const opened = jest.fn()
    const { container } = renderWithApp(<PostCard post={samplePost({ id: 'post-42' })} onOpened={opened} />)
    const yuan = `¥${Math.floor(product.priceFen / 100)}.${String(product.priceFen % 100).padStart(2, '0')}`
    await waitFor(() => expect(screen.getByTestId('post-product-name').textContent).toBe(`${product.name} · ${yuan}`))
    ;(container.querySelector('[data-testid="post-product"]') as HTMLElement).click()
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/orders/product/index?id=p-serum&postId=post-42' })
    // The product's tap is not also a tap on the card (which opens the post).
    expect(opened).not.toHaveBeenCalled()
  })
})

describe('CommunityFeed: virtual and endless', () => {
  test('pulling down refreshes the feed and then stops the spinner', async () => {
    const api = installInProcessApi()
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh').mockResolvedValue({ errMsg: 'ok' } as never)
    renderWithApp(<CommunityFeed section='recommend' />)
    await screen.findAllByTestId('post-card', undefined, { timeout: 15_000 })
    const { token } = await api.signInPersona('kol-distributor')
    await api.call('POST', '/posts', { token, body: { text: '刚刚发布的新笔记' }, idempotencyKey: 'pull-new' })
    expect(screen.queryByText('刚刚发布的新笔记')).toBeNull()
    act(() => emitPage('pullDownRefresh'))
    await screen.findByText('刚刚发布的新笔记', undefined, { timeout: 10_000 })
    await waitFor(() => expect(stop).toHaveBeenCalled())
    stop.mockRestore()
  })

  test('a long feed keeps only the cards near the screen, and follows the scroll', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('kol-distributor')
    for (let index = 0; index < 40; index += 1)
      await api.call('POST', '/posts', {
        token,
        body: { text: `第 ${index} 篇：${'内容'.repeat(index % 30)}` },
        idempotencyKey: `bulk-${index}`,
      })
    renderWithApp(<CommunityFeed section='recommend' />)
    await screen.findAllByTestId('post-card', undefined, { timeout: 15_000 })
    // Load every page, as reaching the bottom again and again would.
    for (let page = 0; page < 10 && screen.getByTestId('list-footer').textContent !== '没有更多了'; page += 1) {
      const before = remToUnits(screen.getByTestId('post-feed').style.height)
      act(() => emitPage('reachBottom'))
      await waitFor(() => expect(remToUnits(screen.getByTestId('post-feed').style.height)).toBeGreaterThan(before), {
        timeout: 10_000,
      })
    }
    expect(screen.getByTestId('list-footer').textContent).toBe('没有更多了')
    const feed = screen.getByTestId('post-feed')
    const total = remToUnits(feed.style.height)
    expect(total).toBeGreaterThan(40 * 200)
    const firstIds = screen.getAllByTestId('post-card').map((card) => card.getAttribute('data-post-id'))
    expect(firstIds.length).toBeLessThan(15)
    // Each shown card sits at the offset of the cards before it.
    const tops = [...feed.children].map((item) => remToUnits((item as HTMLElement).style.top))
    expect(tops[0]).toBe(0)

    // Scroll to the end (jsdom draws nothing: 1 design unit = innerWidth / 750 px there).
    act(() => emitPageScroll((total * window.innerWidth) / 750))
    const lastIds = screen.getAllByTestId('post-card').map((card) => card.getAttribute('data-post-id'))
    expect(lastIds.length).toBeLessThan(15)
    expect(lastIds.some((id) => firstIds.includes(id))).toBe(false)
  })
})
