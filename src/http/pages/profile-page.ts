/**
 * GET /profiles/:id for browsers: title, the stats table, the interactive chart (web/profile.js
 * draws it from GET /profiles/:id/series), downloads, embed snippets with copy buttons, and a form
 * to compare with another run when the compare endpoints are there.
 */
import type { ProfileStats } from '../../aggregate/summary.js';
import type { PlotOptions } from '../../options/plot-options.js';
import { escapeHtml, pageDocument } from './html.js';
import { statsTable } from './stats-table.js';

export interface ProfilePageInput {
  id: string;
  stats: ProfileStats;
  options: PlotOptions;
  /** Absolute URLs of the profile (profileUrls): stats and each format's chart. */
  urls: { stats: string; png: string; svg: string };
  /** The service's base URL, for the upload snippet. */
  baseUrl: string;
  /** Whether GET /compare/:base/:head/plot.png and summary.md exist in this server. */
  compare: boolean;
}

function snippet(id: string, label: string, text: string): string {
  return `<div class="snippet"><label for="snippet-${id}">${escapeHtml(label)}</label>
<input id="snippet-${id}" type="text" readonly value="${escapeHtml(text)}" spellcheck="false">
<button type="button" class="copy" data-copy="snippet-${id}" aria-label="Copy ${escapeHtml(label)}">Copy</button></div>`;
}

export function profilePage(page: ProfilePageInput): string {
  const { id, stats, options, urls } = page;
  const name = options.title ?? `profile ${id.slice(0, 12)}`;
  const alt = `memory use of ${name}: heap peaks at ${stats.peak.heap} bytes`;
  const chartData = [
    ['profile', id],
    ['axis', options.axis],
    ['total', String(options.total)],
    ['stack', options.stack],
    ['ticks-per-second', options.ticksPerSecond === null ? '' : String(options.ticksPerSecond)],
    ['entries', String(stats.entries)],
    ['time-start', stats.time.start],
  ]
    .map(([key, value]) => `data-${key}="${escapeHtml(value)}"`)
    .join(' ');
  const compare = page.compare
    ? `<section aria-labelledby="compare-title"><h2 id="compare-title">Compare with another run</h2>
<form id="compare" data-base="${id}">
<label for="compare-head">Other profile's id (upload it first on the <a href="/">upload page</a>)</label>
<input id="compare-head" name="head" type="text" pattern="[0-9a-f]{64}" size="66" spellcheck="false" required>
<button type="submit">Compare</button>
</form>
<div id="compare-result" aria-live="polite"></div></section>`
    : '';
  return pageDocument({
    title: `memplot: ${name}`,
    d3: true,
    modules: ['profile.js'],
    main: `<h1>${escapeHtml(name)}</h1>
<p class="muted">Profile <code>${id}</code> · ${stats.entries.toLocaleString('en-US')} calls</p>
<section aria-labelledby="chart-title"><h2 id="chart-title">Heap and stack</h2>
<p class="help" id="chart-help">Wheel or <kbd>+</kbd> <kbd>−</kbd> to zoom, drag to select a range, <kbd>←</kbd> <kbd>→</kbd> to pan, double-click or <kbd>0</kbd> to reset. The address bar keeps the window: copy it to share this view.</p>
<figure id="chart" class="chart" ${chartData}>
<noscript><img src="${escapeHtml(urls.png)}" alt="${escapeHtml(alt)}"></noscript>
</figure>
</section>
<section aria-labelledby="stats-title"><h2 id="stats-title">What happened</h2>
${statsTable(stats)}
</section>
<section aria-labelledby="downloads-title"><h2 id="downloads-title">Downloads</h2>
<ul class="downloads">
<li><a href="${escapeHtml(urls.png)}" download="${id.slice(0, 12)}.png">PNG</a></li>
<li><a href="${escapeHtml(urls.svg)}" download="${id.slice(0, 12)}.svg">SVG</a></li>
<li><a href="${escapeHtml(urls.stats)}" id="stats-json" download="${id.slice(0, 12)}.json">Stats (JSON)</a></li>
</ul></section>
<section aria-labelledby="embed-title"><h2 id="embed-title">Embed and share</h2>
${snippet('url', 'Image URL', urls.png)}
${snippet('markdown', 'Markdown', `![${alt.replace(/[\\[\]]/g, '\\$&')}](${urls.png})`)}
${snippet('html', 'HTML', `<img src="${escapeHtml(urls.png)}" alt="${escapeHtml(alt)}" width="${options.width}" height="${options.height}">`)}
${snippet('curl', 'curl', `curl -o ${id.slice(0, 12)}.png '${urls.png}'`)}
${snippet('upload', 'Upload another run', `curl -F file=@run.mem ${page.baseUrl}/profiles`)}
<p role="status" id="copy-status" class="muted"></p>
</section>
${compare}`,
  });
}
