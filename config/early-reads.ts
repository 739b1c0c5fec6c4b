// Early reads (H5): a visitor who opens a tab directly (a shared link, a bookmark) waits for the page's data after
// the app's JavaScript has downloaded and run, and only then does the app ask the API: on a slow phone network
// that request is the last ~0.5 s of the first meaningful paint (Lighthouse: LCP 2.6 s against the empty Taro
// app's 2.1 s). index.html starts these GETs itself, beside the scripts, and the app's first fetch of the same URL
// (its usual request through src/lib/http, validated as always) takes that answer instead of asking again.
//
// Only for visitors: a signed-in member's reads carry their token and differ per member, and this script does not
// touch the session. Each answer is adopted once, within ADOPT_WITHIN_MS of the page opening, or dropped.
// test/e2e/early-reads.test.ts opens each tab and fails if a read here is not the app's own (asked twice, or
// never adopted): keep this table the exact URLs the tabs request first.

/** The public reads each tab makes as soon as it opens for a visitor, paths under the API base. */
export const EARLY_READS: Record<string, readonly string[]> = {
  'pages/home/index': ['/app/config', '/gifts', '/posts?section=hot'],
  'pages/community/index': ['/app/config', '/events?limit=10', '/topics', '/posts?section=recommend'],
  'pages/mall/index': ['/app/config', '/gift-categories', '/gifts'],
}

/** The page a bare `/` opens (the first page of src/app.config.ts). */
const ENTRY_PAGE = 'pages/home/index'
const ADOPT_WITHIN_MS = 15_000
/** Where src/stores/session.ts keeps the session (Taro's H5 storage wraps it as { data: <JSON> }). */
const SESSION_KEY = 'fanloop.session'

/** The inline <script> for index.html; `apiBase` as src/lib/env.ts computes it for H5. */
export function earlyReadsScript(apiBase: string): string {
  const config = { reads: EARLY_READS, entry: ENTRY_PAGE, base: apiBase, within: ADOPT_WITHIN_MS, key: SESSION_KEY }
  // ES5 and no dependencies: it runs before anything else on the page. Anything unexpected means no early reads.
  const body = `(function (c) {
  try {
    var stored = localStorage.getItem(c.key);
    if (stored) {
      var session = JSON.parse(JSON.parse(stored).data);
      if (!session || !session.state || session.state.token) return;
    }
    var page = location.pathname.replace(/^\\/+/, '') || c.entry;
    var paths = c.reads[page];
    if (!paths || !window.fetch) return;
    var started = Date.now();
    var pending = {};
    var status = (window.__fanloopEarlyReads = {});
    paths.forEach(function (path) {
      var url = new URL(c.base + path, location.href).href;
      pending[url] = fetch(url, { headers: { Accept: 'application/json' } });
      status[url] = 'pending';
    });
    var fetchFirst = window.fetch;
    window.fetch = function (input, init) {
      var url = typeof input === 'string' ? new URL(input, location.href).href : input && input.url;
      var method = ((init && init.method) || (input && input.method) || 'GET').toUpperCase();
      var early = pending[url];
      if (!early || method !== 'GET' || Date.now() - started > c.within) return fetchFirst.apply(this, arguments);
      delete pending[url];
      status[url] = 'adopted';
      var self = this, args = arguments;
      return early.then(
        function (response) { return response.clone(); },
        function () { return fetchFirst.apply(self, args); }
      );
    };
  } catch (error) {}
})(${JSON.stringify(config)});`
  return `<script>${body.replace(/\n\s*/g, ' ')}</script>`
}
