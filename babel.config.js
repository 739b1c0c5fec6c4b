// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  // What babel may assume about this code when it compiles down (ES5 on the mini-program, where TanStack Query's
  // classes and every `?.` are rewritten): no `document.all`, classes are only constructed with `new`, class methods
  // and fields and object spread may be plain assignments, nobody reads a function's `.length`. Each holds for this
  // app and its libraries; together they take 13 KB off the mini-program's main package (520 -> 507 KB).
  // Not assumed: that super classes are callable (ApiError extends the native Error) or that getters are pure
  // (TanStack Query's result getters track which fields a component reads).
  assumptions: {
    noDocumentAll: true,
    noClassCalls: true,
    setClassMethods: true,
    setPublicClassFields: true,
    setSpreadProperties: true,
    ignoreFunctionLength: true,
    ignoreToPrimitiveHint: true,
    constantSuper: true,
    noNewArrows: true,
  },
}
