// PGlite (the in-process server's embedded PostgreSQL) loads its WebAssembly parts with import(), which jest's
// module sandbox refuses without --experimental-vm-modules (and that flag breaks the ES modules the app's tests
// load). So the test environments (jsdom-with-fetch.js, node-with-pglite.js), which Node itself loads, require
// it outside the sandbox and hand it in; `@electric-sql/pglite` maps here.
if (!globalThis.__FANLOOP_PGLITE__) throw new Error('This jest environment does not provide PGlite')
module.exports = globalThis.__FANLOOP_PGLITE__
