// `npm run check:config [file]`: every setting of a program config that breaks WeChat's rules or the product's
// own invariants, with the rule and a safe alternative. Without a file it checks the server's seed config
// (mock/seed/config.ts); with one, an operator's JSON file (the one MOCK_CONFIG would run). Exits 1 on an error,
// so a CI job or a launch script can stop on it; warnings alone exit 0.
import fs from 'node:fs'
import { checkConfig, describeFinding, parseConfigJson } from '../mock/config-check'
import { seedConfig } from '../mock/seed/config'

const file = process.argv[2]
let input: unknown
if (file) {
  try {
    input = parseConfigJson(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    console.error(`${file} is not a readable JSON file: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
} else input = seedConfig()

const findings = checkConfig(input)
const errors = findings.filter((finding) => finding.severity === 'error').length
console.log(`Config: ${file ?? 'the seed config (mock/seed/config.ts)'}`)
for (const finding of findings) console.log(`- ${describeFinding(finding)}`)
console.log(
  findings.length === 0
    ? 'No problems: nothing breaks WeChat’s rules or the product’s invariants.'
    : `${errors} error(s), ${findings.length - errors} warning(s).`,
)
process.exitCode = errors > 0 ? 1 : 0
