import { Canvas, View } from '@tarojs/components'

type PosterCanvasProps = { id: string; width: number; height: number; label: string }

/** weapp: a Canvas 2D node (found by id with a selector query in lib/poster-surface.weapp.ts). */
export function PosterCanvas({ id, width, height, label }: PosterCanvasProps) {
  return (
    <View role='img' aria-label={label}>
      <Canvas
        type='2d'
        id={id}
        className='referral-card__canvas'
        style={{ width: `${width}px`, height: `${height}px` }}
      />
    </View>
  )
}
