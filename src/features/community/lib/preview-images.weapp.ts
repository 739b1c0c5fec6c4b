import { showImagePreview } from './show-image-preview'

/** WeChat's own full-screen viewer (swipe, zoom, save): nothing to load. */
export const previewImages = (urls: readonly string[], index: number): void => showImagePreview(urls, index)
