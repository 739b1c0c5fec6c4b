import Taro from '@tarojs/taro'

/** The height of the element with this id, in screen pixels (H5: measure-height.ts). */
export function measureHeight(id: string, onMeasured: (height: number) => void): void {
  Taro.createSelectorQuery()
    .select(`#${id}`)
    .boundingClientRect()
    .exec((result: unknown[]) => {
      const box = result[0] as { height?: number } | null
      if (typeof box?.height === 'number' && box.height > 0) onMeasured(box.height)
    })
}
