// Taro's components pass tabIndex and role through to the H5 element (the mini-program has no keyboard
// focus, and reads role as aria-role: src/lib/weapp-aria.weapp.ts): the app's tappable Views and Texts
// with a role take part in keyboard focus, as real buttons and links do. View declares role; Text does not.
import '@tarojs/components/types/common'

declare module '@tarojs/components/types/common' {
  // Declaration merging needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface StandardProps {
    tabIndex?: number
    role?: string
  }
}
