// One embedded PostgreSQL per jest worker process, shared by the test files that worker runs: each test app
// lives in a schema of its own on it (test-server.ts), so files cannot see each other's data, and no file pays
// the 1-3 s PGlite boot again. Loaded by the test environments with Node's own require, so this module (and
// the engine it keeps) lives outside jest's per-file sandbox and outlives each file. A worker's exit ends it; a
// run in jest's own process (--runInBand, or one worker: `npm run test:unit` on 2 cores) closes it in
// close-shared-pglite.js.
let engine = null

/**
 * Seeded template schemas on that engine, by what they were seeded for (test-server.ts): kept here, beside the
 * engine, so every file the worker runs copies them instead of seeding again.
 */
exports.seedTemplates = new Map()

/** Migrated schemas that earlier files are done with, for later files to fill again instead of migrating anew. */
exports.spareSchemas = []

exports.pglite = require('@electric-sql/pglite')

/**
 * `create` is the server's own way to a new cluster (newPgliteCluster in mock/platform/db.ts, handed in by
 * test-server.ts from inside the sandbox, which can load TypeScript): from its pristine tarball in ~0.5 s instead of
 * initdb's ~2 s in each jest process. Called by the first file of the process; later files get the same engine.
 */
exports.sharedEngine = (create) => {
  engine ??= create()
  return engine
}

exports.closeSharedEngine = async () => {
  const current = engine
  engine = null
  exports.seedTemplates.clear()
  exports.spareSchemas.length = 0
  if (current) await (await current).close()
}
