/**
 * The HTML of memplot's pages: escaping and the document shell every page shares (its styles,
 * the theme's colours, its scripts as ES modules from /web/). Scripts and styles are files, never
 * inline, so the pages run under a CSP of `script-src 'self'; style-src 'self'`.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) safe to put in HTML. */
export const escapeHtml = (text: unknown): string => String(text ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);

/** Where the browser modules and styles are served (the `web/` folder), and D3's UMD build. */
export const WEB_PREFIX = '/web/';
export const D3_PATH = '/web/vendor/d3.min.js';
export const THEME_CSS_PATH = '/web/theme.css';

export interface PageShell {
  title: string;
  /** The page's main content (HTML). */
  main: string;
  /** Module scripts under /web/ (e.g. `upload.js`). */
  modules: readonly string[];
  /** Also load D3 (a classic script, before the modules). */
  d3?: boolean;
}

/** A whole page: header with the service's name, the main content, its scripts. */
export function pageDocument(page: PageShell): string {
  const scripts = [
    ...(page.d3 ? [`<script src="${D3_PATH}" defer></script>`] : []),
    ...page.modules.map((module) => `<script type="module" src="${WEB_PREFIX}${escapeHtml(module)}"></script>`),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="${THEME_CSS_PATH}"><link rel="stylesheet" href="${WEB_PREFIX}page.css">
${scripts.join('\n')}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a href="/" class="brand">memplot</a> <span class="muted">charts of glibc memusage files</span>
<nav aria-label="site"><a href="/docs">API</a></nav></header>
<main id="main">
${page.main}
</main>
</body></html>
`;
}
