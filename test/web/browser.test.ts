/**
 * The pages in a real browser: playwright-core driving Debian's chromium (headless) against the
 * app listening on an ephemeral port. Upload sort.mem through the page, see the chart, zoom with
 * the wheel (a series request goes out, the axis changes), the keyboard, a shared #from=…&to=…
 * link, copying a snippet, an upload error in words. Screenshots go to tmp/screenshots/ (git-ignored).
 * Skips, saying so, only when no chromium is installed (CI installs it: .ci/run).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fixture, fixturePath, listen, tempDir } from '../helper.js';

// Functions run in the page by waitForFunction and evaluate (passed as functions: the page's CSP forbids eval of strings).
declare const document: any, location: any, navigator: any, getComputedStyle: any;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '../../tmp/screenshots');
const sort = fixture('sort.mem');

if (!existsSync(CHROMIUM)) {
  t.test('browser tests', { skip: `SKIPPED: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` }, async () => {});
} else {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  t.teardown(() => browser.close());

  /** A page that fails the test on any script error or CSP violation, and records the series requests. */
  async function openPage(t: Test, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; series: URL[] }> {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    t.teardown(() => context.close());
    const page = await context.newPage();
    const series: URL[] = [];
    page.on('pageerror', (error) => t.fail(`script error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') t.fail(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/series')) series.push(url);
    });
    return { page, series };
  }

  const xLabels = (page: Page) => page.locator('.axis.x .tick text').allTextContents();
  const caption = (page: Page) => page.locator('#chart figcaption').textContent();
  /** Waits until the heap line is drawn and no series request is pending. */
  async function chartReady(page: Page) {
    await page.waitForFunction(() => {
      const figure = document.getElementById('chart');
      const path = document.querySelector('path.line.heap');
      return figure && !figure.hasAttribute('aria-busy') && path && (path.getAttribute('d') ?? '').length > 10;
    });
  }

  t.test('upload sort.mem through the page, see the chart, zoom with the wheel and keys, copy a snippet', async (t) => {
    const { url } = await listen(t);
    const { page, series } = await openPage(t);
    await page.goto(`${url}/`);
    await page.screenshot({ path: join(SCREENSHOTS, 'index-light.png'), fullPage: true });
    await page.locator('#file').setInputFiles(fixturePath('sort.mem'));
    t.match(await page.locator('#chosen').textContent(), /sort\.mem, 6\.89 KiB/);
    await page.locator('summary').click();
    await page.locator('#option-title').fill('sort of a big file');
    await Promise.all([page.waitForURL(/\/profiles\/[0-9a-f]{64}/), page.locator('#send').click()]);
    t.equal(new URL(page.url()).pathname, `/profiles/${sort.id}`, 'the profile page of the uploaded file');
    t.equal(new URL(page.url()).searchParams.get('title'), 'sort of a big file', 'the options carried to the page');
    await chartReady(page);
    t.equal(await page.locator('h1').textContent(), 'sort of a big file');
    t.match(await caption(page), /Showing calls 0 to 292/);
    await page.screenshot({ path: join(SCREENSHOTS, 'profile-light.png'), fullPage: true });

    // The wheel over the chart zooms in around the pointer: a new series request, a new axis, the window in the URL.
    const before = await xLabels(page);
    const box = (await page.locator('svg.chart-svg').boundingBox())!;
    const windowRequest = page.waitForRequest((request) => /\/series\?.*from=\d+&to=\d+/.test(request.url()));
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await page.mouse.wheel(0, -500);
    const zoomed = new URL((await windowRequest).url());
    await page.waitForFunction(() => /#axis=calls&from=\d+&to=\d+/.test(location.hash));
    await chartReady(page);
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    const [from, to] = [Number(hash.get('from')), Number(hash.get('to'))];
    t.ok(from > 0 && to < 292 && to - from < 292 / 2, `zoomed in to ${from}–${to}`);
    t.equal(zoomed.searchParams.get('from'), String(from), 'the series request asked for the window in the URL');
    t.equal(zoomed.searchParams.get('to'), String(to));
    t.not((await xLabels(page)).join(' '), before.join(' '), 'the x axis changed');
    t.match(await caption(page), new RegExp(`Showing calls ${from} to ${to}`));

    // The tooltip says where the pointer is and what heap and stack are there.
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
    t.match(await page.locator('.tooltip').textContent(), /calls? #[\d,]+.*heap .*stack /);

    // Keys: the chart is in the tab order with a name; + halves the window, → pans, 0 resets.
    t.equal(await page.locator('svg.chart-svg').getAttribute('tabindex'), '0');
    t.match(await page.locator('svg.chart-svg').getAttribute('aria-label'), /^Heap and stack over calls [\d,]+ to [\d,]+$/);
    await page.locator('svg.chart-svg').focus();
    await page.keyboard.press('+');
    await page.waitForFunction((width) => {
      const h = new URLSearchParams(location.hash.slice(1));
      return Number(h.get('to')) - Number(h.get('from')) < width;
    }, to - from);
    await page.keyboard.press('ArrowRight');
    await chartReady(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'profile-zoomed-light.png') });
    await page.keyboard.press('0');
    await page.waitForFunction(() => location.hash === '#axis=calls&from=0&to=292');

    // Copy the Markdown snippet.
    await page.locator('button[data-copy="snippet-markdown"]').click();
    await page.waitForFunction(() => /Copied/.test(document.getElementById('copy-status')?.textContent ?? ''));
    const copied = String(await page.evaluate(() => navigator.clipboard.readText()));
    t.equal(copied, await page.locator('#snippet-markdown').inputValue());
    t.match(copied, new RegExp(`^!\\[memory use of sort of a big file[^\\]]*\\]\\(${url}/profiles/${sort.id}/plot\\.png\\?title=sort`));
  });

  t.test('a shared #from=…&to=… link opens at that window; dark theme', async (t) => {
    const { url, app } = await listen(t);
    await app.inject({ method: 'POST', url: '/profiles', payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } });
    const { page } = await openPage(t, 'dark');
    const windowRequest = page.waitForRequest((request) => request.url().includes('/series?'));
    await page.goto(`${url}/profiles/${sort.id}#from=200&to=260`);
    await chartReady(page);
    t.match(await caption(page), /Showing calls 200 to 260/);
    const first = new URL((await windowRequest).url());
    t.equal(first.searchParams.get('from'), '200', 'the first series request asks for the shared window');
    t.equal(first.searchParams.get('to'), '260');
    const labels = (await xLabels(page)).map((label) => Number(label));
    t.ok(labels.length > 2 && labels.every((value) => value >= 200 && value <= 260), `x axis inside the window: ${labels.join(' ')}`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    t.equal(background, 'rgb(22, 26, 33)', 'the dark theme\'s background (#161a21)');
    await page.screenshot({ path: join(SCREENSHOTS, 'profile-dark.png'), fullPage: true });

    // The stats download is the JSON, not the page (the link's URL would answer a browser with HTML).
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#stats-json').click()]);
    t.equal(download.suggestedFilename(), `${sort.id.slice(0, 12)}.json`);
    const stats = JSON.parse(readFileSync(await download.path(), 'utf8'));
    t.equal(stats.id, sort.id, 'the downloaded file is the profile\'s JSON');
    t.equal(stats.stats.entries, 292);

    // Following the peak link in the stats table changes the window without reloading the page.
    await page.locator('a.peak-link').click();
    await page.waitForFunction(() => /Showing calls 0 to 292/.test(document.querySelector('#chart figcaption')?.textContent ?? ''));
  });

  t.test('an upload the server refuses is explained in words', async (t) => {
    const { url } = await listen(t);
    const { page } = await openPage(t);
    page.removeAllListeners('console'); // the browser logs the 4xx of the refused upload
    const dir = tempDir(t);
    const bad = join(dir, 'notes.mem');
    writeFileSync(bad, 'this is not a memusage file at all, just some text of more than a header');
    await page.goto(`${url}/`);
    await page.locator('#file').setInputFiles(bad);
    await page.locator('#send').click();
    await page.waitForSelector('#error:not([hidden])');
    const text = await page.locator('#error').textContent();
    t.match(text, /The server refused the file: .+ \[[A-Z_]+, HTTP 4\d\d\]/, text ?? '');
    await page.screenshot({ path: join(SCREENSHOTS, 'index-error-light.png') });
  });
}
