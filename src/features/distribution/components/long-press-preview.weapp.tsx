/** weapp saves to the album itself: there is never an image to long-press (see the H5 version). */
export function LongPressPreview(_props: { imageUrl: string; onClose: () => void }) {
  return null
}
