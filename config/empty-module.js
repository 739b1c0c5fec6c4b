// Stands in for browser polyfills the app does not need on H5 (see config/index.ts).
module.exports = {}
