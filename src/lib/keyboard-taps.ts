// H5: Enter or Space on a focused tappable View taps it, as on a native button or link. Taro's Views
// are custom elements that only listen for clicks; the app gives its tappable ones a role and
// tabIndex={0}, so keyboard and switch users can reach them, and this makes them work once reached.
const TAPPABLE_ROLES = /^(button|link|tab|radio|switch)$/

export function enableKeyboardTaps(): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement
    if ((event.key === 'Enter' || event.key === ' ') && TAPPABLE_ROLES.test(target.getAttribute('role') ?? '')) {
      // Space would scroll the page; Enter on a real link is already a click.
      event.preventDefault()
      target.click()
    }
  })
}
