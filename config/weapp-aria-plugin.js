// Taro's weapp templates (base.wxml) only write the attributes Taro knows for each component, and the
// accessibility ones (aria-label, aria-role, aria-hidden, ...) are not among them: without this, every
// aria-* prop in the app is dropped on the mini-program and the screen reader reads nothing.
// This plugin adds them to the templates; src/lib/weapp-aria.weapp.ts adds the same list to the runtime,
// which must agree with the templates on each attribute's short data key (i.pN), so both read one file.
const attributes = require('../src/lib/weapp-aria-attributes.json')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (process.env.TARO_ENV !== 'weapp' || !platform.template) return
      platform.template.mergeComponents(ctx, attributes)
    },
  })
}
