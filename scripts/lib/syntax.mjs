// Whether shipped JavaScript parses at the level its platform runs: check:weapp (ES5, project.config.json) and
// check:h5 (ES2021, the browsers of babel.config.js) both ask this of every built script.
import * as acorn from 'acorn'

/** `rel:line:column is not ESn (message) near ...` and the code around it (minified files are one long line). */
function syntaxProblem(rel, content, error, ecmaVersion) {
  const at = error.pos ?? 0
  const excerpt = content
    .slice(Math.max(0, at - 40), at + 40)
    .replace(/\s+/g, ' ')
    .trim()
  const where = error.loc ? `${rel}:${error.loc.line}:${error.loc.column + 1}` : rel
  return `${where} is not ES${ecmaVersion} (${error.message.replace(/ \(\d+:\d+\)$/, '')}) near \`${excerpt}\``
}

/** The problem with `content` at `ecmaVersion` (a classic script, as both platforms load them), or null. */
export function parseProblem(rel, content, ecmaVersion) {
  try {
    acorn.parse(content, { ecmaVersion, sourceType: 'script', allowHashBang: false })
    return null
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    return syntaxProblem(rel, content, error, ecmaVersion)
  }
}
