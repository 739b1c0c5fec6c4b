import {
  AUTHOR_ROW_HEIGHT,
  CARD_CONTENT_WIDTH,
  CARD_INNER_GAP,
  CARD_PADDING,
  COMMENT_LINE_HEIGHT,
  FEED_TEXT_MAX_LINES,
  META_ROW_HEIGHT,
  MORE_ROW_HEIGHT,
  PRODUCT_CARD_HEIGHT,
  SINGLE_IMAGE_SIZE,
  TEXT_FONT_SIZE,
  TEXT_LINE_HEIGHT,
  countLines,
  imageGridOf,
  postCardLayout,
} from '@/features/community/lib/card-layout'
import type { CommentReply } from '@/contract/community'
import { DELETED_COMMENT_HEIGHT, REPLIES_FOLD_HEIGHT, threadLayout } from '@/features/community/lib/comment-layout'
import { offsetsOf, visibleRange } from '@/features/community/lib/virtual-window'

const widthEm = CARD_CONTENT_WIDTH / TEXT_FONT_SIZE
const post = (text: string, images = 0, productId: string | null = null) => ({
  text,
  images: Array.from({ length: images }, (_, index) => `https://x/${index}.jpg`),
  productId,
})

describe('countLines: break-anywhere lines from character widths', () => {
  test.each([
    ['', 0],
    ['好', 1],
    ['好'.repeat(Math.floor(widthEm)), 1],
    ['好'.repeat(Math.floor(widthEm) + 1), 2],
    ['好'.repeat(Math.floor(widthEm) * 3), 3],
  ])('%j takes %i lines', (text, lines) => expect(countLines(text, widthEm)).toBe(lines))

  test.each([
    ['第一段\n第二段', 2],
    ['第一段\n\n隔一个空行', 3],
    [`${'好'.repeat(Math.floor(widthEm) + 1)}\n短`, 3],
  ])('a line break starts a new line: %j takes %i lines', (text, lines) =>
    expect(countLines(text, widthEm)).toBe(lines),
  )

  test('narrow Latin letters fit more per line than CJK, emoji fewer', () => {
    const cjk = countLines('好'.repeat(100), widthEm)
    expect(countLines('a'.repeat(100), widthEm)).toBeLessThan(cjk)
    expect(countLines('😀'.repeat(100), widthEm)).toBeGreaterThan(cjk)
  })
})

describe('imageGridOf', () => {
  test.each([
    [0, 0, 0],
    [1, 1, 1],
    [2, 2, 1],
    [3, 3, 1],
    [4, 2, 2],
    [5, 3, 2],
    [9, 3, 3],
  ])('%i images: %i across, %i rows', (count, columns, rows) => {
    const grid = imageGridOf(count)
    expect([grid.columns, grid.rows]).toEqual([columns, rows])
    // The grid never overflows the card's content box.
    expect(grid.columns * grid.cell + Math.max(0, grid.columns - 1) * 8).toBeLessThanOrEqual(CARD_CONTENT_WIDTH)
  })
})

describe('postCardLayout: the card height is the sum of its blocks', () => {
  test('a short text-only post', () => {
    const layout = postCardLayout(post('新人报到～'))
    expect(layout).toMatchObject({ textLines: 1, isClamped: false, hasProduct: false })
    expect(layout.height).toBe(
      2 * CARD_PADDING + AUTHOR_ROW_HEIGHT + TEXT_LINE_HEIGHT + META_ROW_HEIGHT + 2 * CARD_INNER_GAP,
    )
  })

  test('long text is clamped to the feed lines with a "全文" row', () => {
    const layout = postCardLayout(post('长'.repeat(1000)))
    expect(layout.isClamped).toBe(true)
    expect(layout.textLines).toBe(FEED_TEXT_MAX_LINES)
    expect(layout.height).toBe(
      2 * CARD_PADDING +
        AUTHOR_ROW_HEIGHT +
        FEED_TEXT_MAX_LINES * TEXT_LINE_HEIGHT +
        MORE_ROW_HEIGHT +
        META_ROW_HEIGHT +
        2 * CARD_INNER_GAP,
    )
  })

  test('images and a product card add their blocks and gaps', () => {
    const withAll = postCardLayout(post('好', 1, 'p-serum'))
    const textOnly = postCardLayout(post('好'))
    expect(withAll.height - textOnly.height).toBe(SINGLE_IMAGE_SIZE + PRODUCT_CARD_HEIGHT + 2 * CARD_INNER_GAP)
    const nine = postCardLayout(post('好', 9))
    expect(nine.images.rows).toBe(3)
    expect(nine.height - textOnly.height).toBe(nine.images.height + CARD_INNER_GAP)
  })

  test('short paragraphs take a line each, and many of them are clamped like long text', () => {
    expect(postCardLayout(post('第一段\n第二段'))).toMatchObject({ textLines: 2, isClamped: false })
    expect(postCardLayout(post('一\n二\n三\n四\n五\n六'))).toMatchObject({
      textLines: FEED_TEXT_MAX_LINES,
      isClamped: true,
    })
  })

  test('the same post always gets the same height (a pure function)', () => {
    const sample = post('<script>alert(1)</script><img src=x onerror=alert(1)>', 4)
    expect(postCardLayout(sample)).toEqual(postCardLayout({ ...sample }))
  })
})

const author = { id: 'm1', nickname: '小林', avatarUrl: '', levelCode: 'V1' } as const
const prefix = (nickname: string) => `回复 ${nickname}：`
const threadWords = { replyingTo: prefix, commentRemovedReason: (reason: string) => `原因：${reason}` }
const reply = (text: string, replyToMember: { id: string; nickname: string } | null = null): CommentReply => ({
  id: 'r',
  postId: 'p',
  author,
  text,
  replyTo: 'c',
  replyToMember,
  createdAt: '',
  isPendingReview: false,
  isRemoved: false,
  removedReason: null,
})
const thread = (text: string, replies: ReturnType<typeof reply>[] = [], isDeleted = false) => ({
  text,
  author: isDeleted ? null : author,
  isDeleted,
  replies,
})

describe('threadLayout', () => {
  test('a comment and its replies: one entry each, replies narrower', () => {
    const text = '评'.repeat(40)
    const layout = threadLayout(thread(text, [reply(text), reply('好')]), threadWords)
    expect(layout.entries).toHaveLength(3)
    expect(layout.entries[1]).toBeGreaterThanOrEqual(layout.entries[0] ?? 0)
    expect(layout.height).toBe(40 + layout.entries.reduce((sum, entry) => sum + entry, 0))
  })

  test('a deleted comment is its one-row placeholder, its replies as they were', () => {
    const replies = [reply('还在'), reply('也在')]
    const kept = threadLayout(thread('', replies, true), threadWords)
    const live = threadLayout(thread('原来的话', replies), threadWords)
    expect(kept.entries[0]).toBe(DELETED_COMMENT_HEIGHT)
    expect(kept.entries.slice(1)).toEqual(live.entries.slice(1))
  })

  test('a reply to a reply makes room for whom it answers (回复 X：), wrapped with its words', () => {
    const words = '评'.repeat(18)
    const plain = threadLayout(thread('一楼', [reply(words)]), threadWords)
    const addressed = threadLayout(
      thread('一楼', [reply(words, { id: 'm2', nickname: '一个很长的昵称' })]),
      threadWords,
    )
    expect((addressed.entries[1] ?? 0) - (plain.entries[1] ?? 0)).toBe(COMMENT_LINE_HEIGHT)
  })
})

describe('threadLayout: long threads fold', () => {
  test('more than 2 replies: the first 2, and a 展开 row for the rest, until expanded', () => {
    const replies = [reply('一'), reply('二'), reply('三'), reply('四')]
    const folded = threadLayout(thread('一楼', replies), threadWords)
    const open = threadLayout(thread('一楼', replies), threadWords, true)
    expect(folded.entries).toHaveLength(3)
    expect(folded.foldedCount).toBe(2)
    expect(folded.height).toBe(40 + REPLIES_FOLD_HEIGHT + folded.entries.reduce((sum, entry) => sum + entry, 0))
    expect(open.entries).toHaveLength(5)
    expect(open.foldedCount).toBe(0)
    expect(open.height).toBe(40 + open.entries.reduce((sum, entry) => sum + entry, 0))
  })

  test('2 replies or fewer: nothing folds, no 展开 row', () => {
    const layout = threadLayout(thread('一楼', [reply('一'), reply('二')]), threadWords)
    expect([layout.entries.length, layout.foldedCount]).toEqual([3, 0])
  })
})

describe('threadLayout: my comment the operator removed', () => {
  test("makes room for the operator's reason on a line of its own under the words, a reply's too", () => {
    const removed = { isRemoved: true, removedReason: '人身攻击' }
    const live = threadLayout(thread('一楼', [reply('二楼')]), threadWords)
    const gone = threadLayout({ ...thread('一楼', [{ ...reply('二楼'), ...removed }]), ...removed }, threadWords)
    expect(gone.entries.map((entry, index) => entry - (live.entries[index] ?? 0))).toEqual([
      COMMENT_LINE_HEIGHT,
      COMMENT_LINE_HEIGHT,
    ])
  })
  test('a blank or missing reason takes no line (none is drawn)', () => {
    const live = threadLayout(thread('一楼', [reply('二楼')]), threadWords)
    for (const removedReason of [null, '', '  ']) {
      const removed = { isRemoved: true, removedReason }
      const gone = threadLayout({ ...thread('一楼', [{ ...reply('二楼'), ...removed }]), ...removed }, threadWords)
      expect(gone.entries).toEqual(live.entries)
    }
  })
})

describe('threadLayout: line breaks', () => {
  test('a comment in two short paragraphs is one line taller than the same words on one line', () => {
    const twoLines = threadLayout(thread('一楼\n试试这个'), threadWords)
    const oneLine = threadLayout(thread('一楼试试这个'), threadWords)
    expect(twoLines.height - oneLine.height).toBe(COMMENT_LINE_HEIGHT)
  })
})

describe('virtual window', () => {
  const heights = Array.from({ length: 5000 }, (_, index) => 200 + (index % 7) * 50)
  const offsets = offsetsOf(heights, 16)

  test('offsets add heights and gaps; the total has no trailing gap', () => {
    expect(offsets.starts.slice(0, 3)).toEqual([0, 216, 482])
    expect(offsets.total).toBe(heights.reduce((sum, height) => sum + height, 0) + 16 * (heights.length - 1))
  })

  test('only the items around the screen are in range, anywhere in a long list', () => {
    for (const top of [-500, 0, 123_456, offsets.total - 800]) {
      const range = visibleRange(offsets, heights, top, 1600, 1600)
      expect(range.end - range.start).toBeLessThanOrEqual(30)
      for (let index = range.start; index < range.end; index += 1) {
        const start = offsets.starts[index] ?? 0
        expect(start + (heights[index] ?? 0)).toBeGreaterThan(top - 1600)
        expect(start).toBeLessThan(top + 1600 + 1600)
      }
      // Nothing that overlaps the screen is left out.
      const before = range.start - 1
      if (before >= 0) expect((offsets.starts[before] ?? 0) + (heights[before] ?? 0)).toBeLessThanOrEqual(top - 1600)
      if (range.end < heights.length) expect(offsets.starts[range.end]).toBeGreaterThanOrEqual(top + 3200)
    }
  })

  test('an empty list has nothing in range', () => {
    expect(visibleRange(offsetsOf([], 16), [], 0, 800, 800)).toEqual({ start: 0, end: 0 })
  })
})
