/**
 * The height of the element with this id, in screen pixels. H5 (and the default) reads the DOM, as
 * measure-in-page.ts does; the mini-program's version is measure-height.weapp.ts.
 */
export function measureHeight(id: string, onMeasured: (height: number) => void): void {
  const box = document.getElementById(id)?.getBoundingClientRect()
  if (box && box.height > 0) onMeasured(box.height)
}
