// @ts-check
/**
 * The profile page: the interactive chart, copy buttons for the embed snippets, the stats JSON
 * download and the compare form.
 */
import { startInteractiveChart } from './chart/interactive-chart.js';
import { serverError } from './series-client.js';

const figure = document.getElementById('chart');
if (figure) startInteractiveChart(figure);

const copyStatus = document.getElementById('copy-status');

/** Copies the text of a snippet field: the Clipboard API, else the selection and execCommand. @param {HTMLInputElement} input */
async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select();
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy');
  }
}

for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const input = /** @type {HTMLInputElement | null} */ (document.getElementById(/** @type {HTMLElement} */ (button).dataset.copy ?? ''));
    if (!input || !copyStatus) return;
    const label = input.labels?.[0]?.textContent ?? 'snippet';
    try {
      await copy(input);
      copyStatus.textContent = `Copied the ${label} snippet.`;
    } catch (error) {
      copyStatus.textContent = `Could not copy (${error instanceof Error ? error.message : error}): select the text and copy it yourself.`;
      input.select();
    }
  });
}

// The stats URL answers HTML to a browser's navigation: download the JSON through fetch instead.
const statsLink = /** @type {HTMLAnchorElement | null} */ (document.getElementById('stats-json'));
statsLink?.addEventListener('click', async (event) => {
  event.preventDefault();
  const response = await fetch(statsLink.href, { headers: { accept: 'application/json' } });
  const url = URL.createObjectURL(await response.blob());
  const anchor = Object.assign(document.createElement('a'), { href: url, download: statsLink.download });
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

const compareForm = /** @type {HTMLFormElement | null} */ (document.getElementById('compare'));
compareForm?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = /** @type {HTMLElement} */ (document.getElementById('compare-result'));
  const head = String(new FormData(compareForm).get('head') ?? '').trim().toLowerCase();
  const base = compareForm.dataset.base ?? '';
  const path = `/compare/${base}/${head}`;
  // Ask for the summary first: an unknown id is answered in words rather than as a broken image.
  const summary = await fetch(`${path}/summary.md`);
  if (!summary.ok) {
    result.textContent = serverError(summary.status, await summary.text()).message;
    return;
  }
  const image = Object.assign(document.createElement('img'), { src: `${path}/plot.png`, alt: `overlay of this run (grey) and ${head.slice(0, 12)}` });
  const links = document.createElement('p');
  links.append(
    Object.assign(document.createElement('a'), { href: `${path}/plot.png`, textContent: 'Overlay chart (PNG)' }),
    ' · ',
    Object.assign(document.createElement('a'), { href: `${path}/summary.md`, textContent: 'summary.md (for a pull request comment)' }),
  );
  const markdown = Object.assign(document.createElement('pre'), { textContent: await summary.text() });
  result.replaceChildren(image, links, markdown);
});
