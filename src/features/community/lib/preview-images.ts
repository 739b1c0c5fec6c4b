/**
 * Full-screen pictures with swipe. On H5 Taro's previewImage is built on its Swiper (about 50 KB gzip): it loads
 * when a picture is first tapped, not with the post page. The mini-program's version is preview-images.weapp.ts.
 */
export function previewImages(urls: readonly string[], index: number): void {
  void import('./show-image-preview').then(({ showImagePreview }) => showImagePreview(urls, index))
}
