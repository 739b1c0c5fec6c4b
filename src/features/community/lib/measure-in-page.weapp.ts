import Taro from '@tarojs/taro'

/** Where the element with this id starts in the page and how far the page is scrolled, in screen pixels. */
export function measureInPage(id: string, onMeasured: (top: number, scrollTop: number) => void): void {
  Taro.createSelectorQuery()
    .select(`#${id}`)
    .boundingClientRect()
    .selectViewport()
    .scrollOffset()
    .exec((result: unknown[]) => {
      const box = result[0] as { top?: number } | null
      const viewport = result[1] as { scrollTop?: number } | null
      if (typeof box?.top !== 'number') return
      const scrollTop = viewport?.scrollTop ?? 0
      onMeasured(box.top + scrollTop, scrollTop)
    })
}
