import type { Post } from '@/contract'
import type { CommentReply } from '@/contract/community'

// Every size here is in the 750-wide design unit the stylesheets use (rpx on the mini-program, rem on H5), so one
// number means the same share of the screen on both. The virtual lists place items by these heights instead of
// measuring them after render: the layout is a pure function of the item, and each box inside the card is given
// exactly this size, so what is drawn and what was computed cannot drift apart.

/** The page's horizontal padding (PageShell: var(--space-3) on each side). */
export const PAGE_PADDING = 24
export const LIST_WIDTH = 750 - 2 * PAGE_PADDING

export const FEED_GAP = 16
export const CARD_PADDING = 24
export const CARD_CONTENT_WIDTH = LIST_WIDTH - 2 * CARD_PADDING
export const CARD_INNER_GAP = 16
export const AUTHOR_ROW_HEIGHT = 64
export const TEXT_FONT_SIZE = 28
export const TEXT_LINE_HEIGHT = 42
/** The feed shows at most this many lines of a post, then "全文". */
export const FEED_TEXT_MAX_LINES = 4
export const MORE_ROW_HEIGHT = 40
export const IMAGE_GAP = 8
export const SINGLE_IMAGE_SIZE = 400
export const META_ROW_HEIGHT = 40
export const PRODUCT_CARD_HEIGHT = 120

/**
 * Width of one character in ems. The text boxes break anywhere (word-break: break-all), so lines fill up
 * character by character and counting widths predicts the breaks. Estimates lean wide: a line too many leaves
 * a little space, a line too few would cut text.
 */
export function charWidthEm(char: string): number {
  const code = char.codePointAt(0) ?? 0
  if (code < 0x80) return /[MWmw@%#&]/.test(char) ? 0.9 : /[A-Z0-9]/.test(char) ? 0.68 : 0.6
  // Emoji and other astral-plane symbols draw wider than a CJK character in most phone fonts.
  if (code > 0xffff) return 1.25
  return 1
}

/**
 * Lines a run of text takes in a box `widthEm` ems wide, breaking anywhere and at each line break (\n: the text
 * boxes keep them, white-space: pre-wrap). Empty text is zero lines; an empty line between paragraphs is one.
 */
export function countLines(text: string, widthEm: number): number {
  if (text.length === 0) return 0
  let lines = 1
  let used = 0
  for (const char of text) {
    if (char === '\n') {
      lines += 1
      used = 0
      continue
    }
    const width = charWidthEm(char)
    if (used + width > widthEm + 1e-9) {
      lines += 1
      used = width
    } else {
      used += width
    }
  }
  return lines
}

export type ImageGrid = { columns: number; rows: number; cell: number; height: number }

/** One picture large, 2 and 4 as a 2x grid, otherwise 3 across (the way WeChat Moments lays them out). */
export function imageGridOf(count: number, width = CARD_CONTENT_WIDTH): ImageGrid {
  if (count === 0) return { columns: 0, rows: 0, cell: 0, height: 0 }
  if (count === 1) return { columns: 1, rows: 1, cell: SINGLE_IMAGE_SIZE, height: SINGLE_IMAGE_SIZE }
  const columns = count === 2 || count === 4 ? 2 : 3
  const cell = Math.floor((width - (columns - 1) * IMAGE_GAP) / columns)
  const rows = Math.ceil(count / columns)
  return { columns, rows, cell, height: rows * cell + (rows - 1) * IMAGE_GAP }
}

export type PostCardLayout = {
  height: number
  textLines: number
  isClamped: boolean
  images: ImageGrid
  hasProduct: boolean
}

/** The feed card of a post: author, text clamped to a few lines ("全文" below), images, product, topic and counts. */
export function postCardLayout(post: Pick<Post, 'text' | 'images' | 'productId'>): PostCardLayout {
  const fullLines = countLines(post.text, CARD_CONTENT_WIDTH / TEXT_FONT_SIZE)
  const isClamped = fullLines > FEED_TEXT_MAX_LINES
  const textLines = Math.min(fullLines, FEED_TEXT_MAX_LINES)
  const images = imageGridOf(post.images.length)
  const hasProduct = Boolean(post.productId)
  const blocks = [
    AUTHOR_ROW_HEIGHT,
    textLines * TEXT_LINE_HEIGHT + (isClamped ? MORE_ROW_HEIGHT : 0),
    images.height,
    hasProduct ? PRODUCT_CARD_HEIGHT : 0,
    META_ROW_HEIGHT,
  ].filter((block) => block > 0)
  const height = 2 * CARD_PADDING + blocks.reduce((sum, block) => sum + block, 0) + (blocks.length - 1) * CARD_INNER_GAP
  return { height, textLines, isClamped, images, hasProduct }
}

// Comments on the post page: a top-level comment and its replies (indented), each an author line, the text in
// full, and a line of actions (reply, delete); a whole thread's layout is comment-layout's (the post page's alone).
export const COMMENT_PADDING = 20
export const COMMENT_AUTHOR_HEIGHT = 40
export const COMMENT_FONT_SIZE = 28
export const COMMENT_LINE_HEIGHT = 42
export const COMMENT_ACTIONS_HEIGHT = 56
export const REPLY_INDENT = 64
export const COMMENT_GAP = 8
const COMMENT_WIDTH = LIST_WIDTH - 2 * COMMENT_PADDING

export const commentEntryHeight = (comment: Pick<CommentReply, 'text'>, isReply: boolean): number =>
  COMMENT_AUTHOR_HEIGHT +
  countLines(comment.text, (COMMENT_WIDTH - (isReply ? REPLY_INDENT : 0)) / COMMENT_FONT_SIZE) * COMMENT_LINE_HEIGHT +
  COMMENT_ACTIONS_HEIGHT
