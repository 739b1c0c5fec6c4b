// Which items of a long list are on or near the screen, from their exact heights: the lists render only those,
// placed at their offsets inside a box as tall as the whole list, so the page holds a few dozen cards however far
// the member scrolls. Pure, in one unit (the caller's), so it is tested without a screen.

export type Offsets = { starts: number[]; total: number }

/** Where each item starts, with `gap` between neighbours, and the height of the whole list. */
export function offsetsOf(heights: readonly number[], gap: number): Offsets {
  const starts: number[] = []
  let next = 0
  for (const height of heights) {
    starts.push(next)
    next += height + gap
  }
  return { starts, total: heights.length === 0 ? 0 : next - gap }
}

/** The first item whose bottom is below `y` (binary search over the starts). */
function firstEndingAfter(starts: readonly number[], heights: readonly number[], y: number): number {
  let low = 0
  let high = starts.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((starts[middle] ?? 0) + (heights[middle] ?? 0) <= y) low = middle + 1
    else high = middle
  }
  return low
}

export type VisibleRange = { start: number; end: number }

/**
 * Items overlapping [top - overscan, top + viewport + overscan), `top` being how far the list's own top has
 * scrolled above the screen's top (negative while the list starts lower on the screen). `end` is exclusive.
 */
export function visibleRange(
  offsets: Offsets,
  heights: readonly number[],
  top: number,
  viewport: number,
  overscan: number,
): VisibleRange {
  const from = top - overscan
  const to = top + viewport + overscan
  const start = firstEndingAfter(offsets.starts, heights, from)
  let end = start
  while (end < heights.length && (offsets.starts[end] ?? 0) < to) end += 1
  return { start, end }
}
