// jest's global teardown. PostgreSQL inside PGlite arms a 10 s timer to flush its statistics after a transaction
// that wrote, and that timer keeps Node alive: a run in jest's own process (--runInBand, or one worker with no
// memory limit: `npm run test:unit` on 2 cores) sat idle for ~10 s after its last test until the engine is
// closed. (Workers are ended by jest, engine and all; in their parent there is none and this does nothing.)
module.exports = () => require('./shared-pglite').closeSharedEngine()
