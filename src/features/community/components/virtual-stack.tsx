import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { designLength, pixelsPerDesignUnit, viewportHeight } from '../lib/design-units'
import { measureInPage } from '../lib/measure-in-page'
import './virtual-stack.scss'
import { offsetsOf, visibleRange, type VisibleRange } from '../lib/virtual-window'

type VirtualStackProps<TItem> = {
  /** Unique on the page: the list's own box is found by it to learn where the list starts. */
  id: string
  items: readonly TItem[]
  /** Exact height in design units, from the item alone (see card-layout.ts). */
  heightOf: (item: TItem) => number
  gap: number
  keyOf: (item: TItem) => string
  renderItem: (item: TItem, index: number) => ReactNode
  testId?: string
}

/** Screens of content kept rendered above and below the visible one, so a fling never shows a blank. */
const OVERSCAN_SCREENS = 1

/**
 * A list that renders only the items on or near the screen, placed at exact offsets inside a box as tall as the
 * whole list. It follows the page's own scroll (usePageScroll, both targets), not a ScrollView: the page keeps
 * pull-to-refresh and reach-bottom, and on H5 no extra Taro component is pulled into the first-screen JS.
 */
export function VirtualStack<TItem>({ id, items, heightOf, gap, keyOf, renderItem, testId }: VirtualStackProps<TItem>) {
  const heights = useMemo(() => items.map(heightOf), [items, heightOf])
  const offsets = useMemo(() => offsetsOf(heights, gap), [heights, gap])
  // Screen geometry in pixels: the list's top in the page, the scroll position, the screen height.
  const geometry = useRef({ listTop: 0, scrollTop: 0, unit: 1, viewport: 800 })
  const [range, setRange] = useState<VisibleRange>({ start: 0, end: 0 })

  const update = () => {
    const { listTop, scrollTop, unit, viewport } = geometry.current
    const next = visibleRange(
      offsets,
      heights,
      (scrollTop - listTop) / unit,
      viewport / unit,
      (viewport / unit) * OVERSCAN_SCREENS,
    )
    // Scroll events come often; re-render (a setData on the mini-program) only when the window moves past an item.
    setRange((current) => (current.start === next.start && current.end === next.end ? current : next))
  }
  const updateRef = useRef(update)
  updateRef.current = update

  usePageScroll(({ scrollTop }) => {
    geometry.current.scrollTop = scrollTop
    updateRef.current()
  })

  // Where the list starts on the page: measured when it mounts and when what is above it may have changed.
  const itemCount = items.length
  useEffect(() => {
    let isCurrent = true
    geometry.current.unit = pixelsPerDesignUnit()
    geometry.current.viewport = viewportHeight()
    updateRef.current()
    const measure = () =>
      measureInPage(id, (listTop, scrollTop) => {
        if (!isCurrent) return
        geometry.current.listTop = listTop
        geometry.current.scrollTop = scrollTop
        updateRef.current()
      })
    void Taro.nextTick(measure)
    return () => {
      isCurrent = false
    }
  }, [id, itemCount, offsets])

  const visible: ReactNode[] = []
  for (let index = range.start; index < Math.min(range.end, items.length); index += 1) {
    const item = items[index] as TItem
    visible.push(
      <View
        key={keyOf(item)}
        className='virtual-stack__item'
        style={{ top: designLength(offsets.starts[index] ?? 0), height: designLength(heights[index] ?? 0) }}
      >
        {renderItem(item, index)}
      </View>,
    )
  }
  return (
    <View id={id} className='virtual-stack' style={{ height: designLength(offsets.total) }} data-testid={testId}>
      {visible}
    </View>
  )
}
