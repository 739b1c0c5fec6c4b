import { Image, type ImageProps } from '@tarojs/components'

type LabeledImageProps = Omit<ImageProps, 'ariaLabel' | 'imgProps' | 'nativeProps'> & {
  /** What the picture shows (or what tapping it does), read by screen readers on both targets. */
  label: string
}

/**
 * A meaningful image with its text alternative, the one way to put one on a page. The mini-program's screen
 * reader reads aria-label on <image>. On H5 Taro's Image is a <div> around an <img>: the <img> gets alt, and the
 * <div> gets no label (aria-label on an element with no role is not allowed: axe's aria-prohibited-attr).
 * Decorative images stay plain Taro Images with aria-hidden.
 */
export function LabeledImage({ label, ...props }: LabeledImageProps) {
  if (process.env.TARO_ENV === 'h5') return <Image {...props} imgProps={{ alt: label }} />
  return <Image {...props} ariaLabel={label} />
}
