/**
 * Where the element with this id starts in the page and how far the page is scrolled, in screen pixels. H5 (and
 * the default) reads the DOM: Taro's H5 selector query would add its code to the first-screen JS. The
 * mini-program's version is measure-in-page.weapp.ts.
 */
export function measureInPage(id: string, onMeasured: (top: number, scrollTop: number) => void): void {
  const box = document.getElementById(id)?.getBoundingClientRect()
  if (box) onMeasured(box.top + window.scrollY, window.scrollY)
}
