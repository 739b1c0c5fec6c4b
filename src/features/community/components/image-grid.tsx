import { View } from '@tarojs/components'
import { LabeledImage } from '@/components/labeled-image'
import { useMessages } from '@/lib/i18n'
import { feedMessages } from '../feed-messages'
import { designLength } from '../lib/design-units'
import { IMAGE_GAP, type ImageGrid as Grid } from '../lib/card-layout'

type ImageGridProps = {
  images: readonly string[]
  grid: Grid
  /** Tapping a picture: its index (the post page opens the full-screen preview). Without it taps fall through. */
  onImageTapped?: (index: number) => void
}

/** The pictures of a post in the grid card-layout.ts decided, each cell exactly its computed size. */
export function ImageGrid({ images, grid, onImageTapped }: ImageGridProps) {
  const text = useMessages(feedMessages)
  return (
    <View
      className='image-grid'
      style={{
        height: designLength(grid.height),
        gap: designLength(IMAGE_GAP),
        gridTemplateColumns: `repeat(${grid.columns}, ${designLength(grid.cell)})`,
      }}
      data-testid='post-images'
    >
      {images.map((src, index) => {
        const label = onImageTapped
          ? `${text.previewImage} ${text.image(index + 1, images.length)}`
          : text.image(index + 1, images.length)
        return (
          <LabeledImage
            key={`${index}-${src}`}
            className='image-grid__image'
            src={src}
            mode='aspectFill'
            lazyLoad
            label={label}
            data-testid='post-image'
            style={{ width: designLength(grid.cell), height: designLength(grid.cell) }}
            onClick={
              onImageTapped
                ? (event) => {
                    event.stopPropagation()
                    onImageTapped(index)
                  }
                : undefined
            }
          />
        )
      })}
    </View>
  )
}
