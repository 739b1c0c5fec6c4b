import { PGlite } from '@electric-sql/pglite'
let t=Date.now()
const db = new PGlite()
await db.waitReady
console.log('init mem', Date.now()-t)
t=Date.now()
await db.exec('create table t(id int primary key, v text)')
for (let i=0;i<1000;i++) await db.query('insert into t values($1,$2)',[i,'x'])
console.log('1000 inserts', Date.now()-t)
t=Date.now()
const dump = await db.dumpDataDir('none')
console.log('dump', Date.now()-t, dump.size)
t=Date.now()
const db2 = new PGlite({ loadDataDir: dump })
await db2.waitReady
console.log('load from dump', Date.now()-t, (await db2.query('select count(*) from t')).rows)
t=Date.now()
const db3 = new PGlite()
await db3.waitReady
console.log('init mem 2nd', Date.now()-t)
t=Date.now()
const c = await db2.clone?.()
console.log('clone', Date.now()-t, !!c)
console.log(process.memoryUsage().rss/1e6)
