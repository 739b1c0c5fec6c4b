// The mini-program half of config/weapp-aria-plugin.js: the runtime learns the aria-* attributes the
// templates now carry (the same list, so both give each one the same short data key), and `role` (the
// H5 attribute the app's components use) is sent as WeChat's `aria-role`.
import { hooks, mergeInternalComponents } from '@tarojs/shared'
import attributes from './weapp-aria-attributes.json'

mergeInternalComponents(attributes)

hooks.tap('modifyHydrateData', (data: Record<string, unknown>) => {
  if (data.role !== undefined && data.ariaRole === undefined) {
    data.ariaRole = data.role
    delete data.role
  }
})
