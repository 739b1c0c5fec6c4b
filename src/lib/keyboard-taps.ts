// H5: Enter or Space on a focused tappable View taps it, as on a native button or link. Taro's Views
// are custom elements that only listen for clicks; the app gives its tappable ones a role and
// tabIndex={0}, so keyboard and switch users can reach them, and this makes them work once reached.
const TAPPABLE_ROLES = /^(button|link|tab|radio|switch)$/

// Imported for this side effect, lazily, by src/app.ts.
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement
  if ((event.key === 'Enter' || event.key === ' ') && TAPPABLE_ROLES.test(target.getAttribute('role') || '')) {
    // Space would scroll the page, and the View has no default action of its own.
    event.preventDefault()
    target.click()
  }
})

export {}
