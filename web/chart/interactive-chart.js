// @ts-check
/**
 * The interactive chart of a profile: heap (and heap + stack) on top, stack in a panel under it,
 * sharing x. Zoom and pan along x with the wheel, a dragged selection, double-click (reset) and the
 * keys + − ← → 0; y fitted to the window. Each window is asked of GET /profiles/:id/series at one
 * column per pixel, and kept in the URL's fragment so that a zoomed view can be shared.
 */
import { fetchSeries } from '../series-client.js';
import { formatCount, formatPosition } from '../format.js';
import { clampRange, formatHash, MIN_WIDTH, panRange, parseHash, subRange, widthOf, zoomRange } from '../view-window.js';
import { drawXAxis, drawYAxis, xAxisTitle } from './axes.js';
import { columnAt, m4Bands, m4Path, valueExtent } from './m4-path.js';
import { showTooltip, tooltipLines } from './tooltip.js';

/** @typedef {import('../series-client.js').Series} Series */
/** @typedef {import('../view-window.js').Range} Range */
/** @typedef {import('../view-window.js').Axis} Axis */

const SVG = 'http://www.w3.org/2000/svg';
const MARGIN = { top: 30, right: 36, bottom: 44, left: 78 };
const PANEL_GAP = 26;
/** Zoom per wheel notch (100 pixels of deltaY), and per key press. */
const WHEEL_ZOOM = 0.8;
const KEY_ZOOM = 0.5;
const KEY_PAN = 0.2;
/** Zooming in stops at this many columns where the server keeps nothing finer. */
const LIMITED_COLUMNS = 8;
/** Columns wider than this (pixels) also show their min–max extent as a band. */
const BAND_MIN_WIDTH = 3;
/** Wheel events closer together than this are one request. */
const REQUEST_DELAY_MS = 80;

/**
 * @param {HTMLElement} figure the `<figure id="chart">` with data-profile, data-axis, data-total, data-stack, data-ticks-per-second, data-time-start
 */
export function startInteractiveChart(figure) {
  const profile = figure.dataset.profile ?? '';
  /** @type {Axis} */
  const defaultAxis = figure.dataset.axis === 'time' ? 'time' : 'calls';
  const showTotal = figure.dataset.total === 'true';
  // The stack in its own panel (panel, or separate: a panel is the browser's own right axis), on the heap's scale (same) or not at all.
  const stackMode = figure.dataset.stack ?? 'panel';
  const showStack = stackMode === 'panel' || stackMode === 'separate';
  const ticksPerSecond = Number(figure.dataset.ticksPerSecond) || null;
  const timeStart = BigInt(figure.dataset.timeStart || '0');
  const entries = Number(figure.dataset.entries) || 0;

  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'chart-svg');
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'application');
  svg.setAttribute('aria-roledescription', 'zoomable chart');
  svg.setAttribute('aria-describedby', 'chart-help');
  const status = Object.assign(document.createElement('p'), { className: 'chart-status' });
  status.setAttribute('role', 'status');
  const tooltip = Object.assign(document.createElement('div'), { className: 'tooltip', hidden: true });
  const caption = document.createElement('figcaption');
  figure.replaceChildren(svg, tooltip, caption, status);
  const root = d3.select(svg);
  const defs = root.append('defs');
  const clip = defs.append('clipPath').attr('id', 'plot-clip').append('rect');
  const xGrid = root.append('g').attr('class', 'axis x');
  const heapAxis = root.append('g').attr('class', 'axis y');
  const stackAxis = root.append('g').attr('class', 'axis y');
  const lines = root.append('g').attr('clip-path', 'url(#plot-clip)');
  const stackBand = lines.append('path').attr('class', 'band stack');
  const heapBand = lines.append('path').attr('class', 'band heap');
  const stackPath = lines.append('path').attr('class', 'line stack');
  const totalPath = lines.append('path').attr('class', 'line total');
  const heapPath = lines.append('path').attr('class', 'line heap');
  const xTitle = root.append('text').attr('class', 'axis-title');
  const selection = root.append('rect').attr('class', 'selection').attr('height', 0).attr('width', 0);
  const legend = root.append('g').attr('class', 'legend');

  /** @type {{ axis: Axis, domain: Range | null, range: Range | null, series: Series | null, request: AbortController | null, timer: number | undefined, dragStart: number | null }} */
  const state = { axis: defaultAxis, domain: null, range: null, series: null, request: null, timer: undefined, dragStart: null };

  function layout() {
    const width = Math.max(320, figure.clientWidth);
    const height = Math.max(260, Math.min(560, Math.round(width * 0.55)));
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotsHeight = height - MARGIN.top - MARGIN.bottom;
    const stackHeight = showStack ? Math.round((plotsHeight - PANEL_GAP) / 4) : 0;
    const heapHeight = showStack ? plotsHeight - stackHeight - PANEL_GAP : plotsHeight;
    return { width, height, plotWidth, heapTop: MARGIN.top, heapHeight, stackTop: MARGIN.top + heapHeight + PANEL_GAP, stackHeight };
  }

  const origin = () => (state.axis === 'time' ? timeStart : 0n);

  function describe() {
    if (!state.range) return '';
    const where = (/** @type {bigint} */ position) => formatPosition(state.axis, Number(position - origin()), ticksPerSecond);
    const unit = state.axis === 'calls' ? 'calls' : 'time';
    return `${unit} ${where(state.range.from)} to ${where(state.range.to)}`;
  }

  function draw() {
    const box = layout();
    const { series, range } = state;
    svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
    svg.setAttribute('width', String(box.width));
    svg.setAttribute('height', String(box.height));
    clip.attr('x', MARGIN.left).attr('y', 0).attr('width', box.plotWidth).attr('height', box.height);
    if (!series || !range) return;
    const columns = series.columns.filter((column) => column.to > range.from && column.from < range.to);
    const span = Number(widthOf(range)) || 1;
    const x = (/** @type {bigint} */ position) => MARGIN.left + (Number(position - range.from) / span) * box.plotWidth;
    const heapKeys = /** @type {('heap' | 'total')[]} */ (showTotal ? ['heap', 'total'] : ['heap']);
    const whole = state.domain !== null && range.from === state.domain.from && range.to === state.domain.to;
    const heapY = drawYAxis(heapAxis, valueExtent(columns, stackMode === 'same' ? [...heapKeys, 'stack'] : heapKeys, whole), box.heapTop, box.heapHeight, box.plotWidth);
    heapAxis.attr('transform', `translate(${MARGIN.left},0)`);
    heapPath.attr('d', m4Path(columns, 'heap', x, heapY));
    heapBand.attr('d', m4Bands(columns, 'heap', x, heapY, BAND_MIN_WIDTH));
    totalPath.attr('d', showTotal ? m4Path(columns, 'total', x, heapY) : null);
    if (showStack) {
      const stackY = drawYAxis(stackAxis, valueExtent(columns, ['stack'], whole), box.stackTop, box.stackHeight, box.plotWidth);
      stackAxis.attr('transform', `translate(${MARGIN.left},0)`);
      stackPath.attr('d', m4Path(columns, 'stack', x, stackY));
      stackBand.attr('d', m4Bands(columns, 'stack', x, stackY, BAND_MIN_WIDTH));
    } else {
      stackAxis.selectAll('*').remove();
      stackBand.attr('d', null);
      stackPath.attr('d', stackMode === 'same' ? m4Path(columns, 'stack', x, heapY) : null);
    }
    const bottom = showStack ? box.stackTop + box.stackHeight : box.heapTop + box.heapHeight;
    drawXAxis(xGrid, { axis: state.axis, origin: origin(), from: range.from, to: range.to, ticksPerSecond }, 0, box.plotWidth, bottom - MARGIN.top);
    xGrid.attr('transform', `translate(${MARGIN.left},${bottom})`);
    xTitle.attr('x', MARGIN.left + box.plotWidth / 2).attr('y', box.height - 6).text(xAxisTitle(state.axis, ticksPerSecond));
    drawLegend(box);
    svg.setAttribute('aria-label', `Heap${showTotal ? ', heap + stack' : ''} and stack over ${describe()}`);
    caption.textContent = `Showing ${describe()}${columns.length === 0 ? ': no calls in this window.' : resolutionNote(series)}`;
  }

  /** What the columns are, when it matters: single calls, or the end of zooming on this server. @param {Series} series */
  function resolutionNote(series) {
    if (series.resolution?.source === 'calls') return ': one column per call.';
    if (series.limited) {
      const first = series.columns[0];
      const width = first ? `${state.axis === 'calls' ? formatCount(first.to - first.from) : formatPosition('time', Number(first.to - first.from), ticksPerSecond)} ${state.axis === 'calls' ? 'calls' : ''} a column, `.replace('  ', ' ') : '';
      const why = series.resolution?.zoom === 'summary' ? 'this server keeps summaries only (MEMPLOT_ZOOM=summary)' : 'no finer data is stored for this profile';
      return ` at the summary's resolution (${width}its finest): zooming further shows no more detail, as ${why}.`;
    }
    return '';
  }

  /** @param {ReturnType<typeof layout>} box */
  function drawLegend(box) {
    legend.selectAll('*').remove();
    const items = [['heap', 'heap'], ...(showTotal ? [['total', 'heap + stack']] : []), ...(stackMode === 'none' ? [] : [['stack', 'stack']])];
    let offset = 0;
    for (const [key, label] of items) {
      const item = legend.append('g').attr('transform', `translate(${offset},0)`);
      item.append('line').attr('class', `line ${key}`).attr('x1', 0).attr('x2', 18).attr('y1', 0).attr('y2', 0);
      item.append('text').attr('x', 22).attr('y', 4).text(label);
      offset += 34 + label.length * 7;
    }
    legend.attr('transform', `translate(${MARGIN.left + box.plotWidth - offset},${MARGIN.top - 16})`);
  }

  /** Ask the server for the window now (the last request wins). */
  async function load() {
    const box = layout();
    state.request?.abort();
    const request = new AbortController();
    state.request = request;
    figure.setAttribute('aria-busy', 'true');
    try {
      const whole = state.domain && state.range && state.range.from === state.domain.from && state.range.to === state.domain.to;
      const series = await fetchSeries(profile, state.axis, whole ? null : state.range, box.plotWidth, request.signal);
      if (request.signal.aborted) return;
      state.series = series;
      if (!state.domain) {
        state.domain = { from: series.from, to: series.to };
        state.range = state.range ? clampRange(state.range, state.domain) : state.domain;
        if (state.range !== state.domain) return load();
      }
      status.textContent = '';
      const range = /** @type {Range} */ (state.range);
      const finest = minWidth();
      if (widthOf(range) < finest && state.domain) {
        // Narrower than anything this server can answer: widen about the same centre to its finest view.
        return setRange(zoomRange(range, state.domain, Number(finest) / Number(widthOf(range)), 0.5, finest));
      }
      draw();
    } catch (error) {
      if (request.signal.aborted) return;
      status.textContent = `The chart could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (state.request === request) figure.removeAttribute('aria-busy');
    }
  }

  /**
   * The narrowest window worth asking for: where the server said it keeps nothing finer, a few of
   * its columns (zoom stops at its resolution, and the caption says why).
   */
  function minWidth() {
    const first = state.series?.limited ? state.series.columns[0] : undefined;
    const finest = first ? (first.to - first.from) * BigInt(LIMITED_COLUMNS) : 0n;
    return finest > MIN_WIDTH ? finest : MIN_WIDTH;
  }

  /** Show this range: redraw what is known at once, keep it in the URL, ask for its columns. @param {Range} range */
  function setRange(range) {
    if (!state.domain) return;
    state.range = clampRange(range, state.domain, minWidth());
    showTooltip(tooltip, null, 0, 0, 0);
    history.replaceState(null, '', formatHash({ axis: state.axis, ...state.range }));
    draw();
    figure.setAttribute('aria-busy', 'true');
    clearTimeout(state.timer);
    state.timer = window.setTimeout(load, REQUEST_DELAY_MS);
  }

  /** The fraction (0–1) of the plot's width at a client x. @param {number} clientX */
  function fractionAt(clientX) {
    const rect = svg.getBoundingClientRect();
    const box = layout();
    const scale = rect.width / box.width;
    return Math.min(1, Math.max(0, ((clientX - rect.left) / scale - MARGIN.left) / box.plotWidth));
  }

  function applyHash() {
    const parsed = parseHash(location.hash, defaultAxis);
    const axis = parsed?.axis ?? defaultAxis;
    if (axis !== state.axis || !state.domain) {
      state.axis = axis;
      // The calls axis is [0, entries): known without asking. The time axis' ends come with the first answer.
      state.domain = axis === 'calls' && entries > 0 ? { from: 0n, to: BigInt(entries) } : null;
      state.series = null;
      state.range = parsed?.range ? (state.domain ? clampRange(parsed.range, state.domain) : parsed.range) : state.domain;
      return load();
    }
    setRange(parsed?.range ?? state.domain);
  }

  svg.addEventListener('wheel', (event) => {
    if (!state.range || !state.domain) return;
    event.preventDefault();
    const notches = (event.deltaMode === 1 ? event.deltaY * 33 : event.deltaY) / 100;
    setRange(zoomRange(state.range, state.domain, WHEEL_ZOOM ** -Math.max(-5, Math.min(5, notches)), fractionAt(event.clientX), minWidth()));
  }, { passive: false });

  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || !state.range) return;
    state.dragStart = fractionAt(event.clientX);
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    const box = layout();
    const fraction = fractionAt(event.clientX);
    if (state.dragStart !== null) {
      const [a, b] = [state.dragStart, fraction].sort((p, q) => p - q);
      selection.attr('x', MARGIN.left + a * box.plotWidth).attr('y', MARGIN.top).attr('width', (b - a) * box.plotWidth).attr('height', box.height - MARGIN.top - MARGIN.bottom);
    }
    if (!state.series || !state.range) return;
    const column = columnAt(state.series.columns, state.range.from + BigInt(Math.floor(Number(widthOf(state.range)) * fraction)));
    const rect = figure.getBoundingClientRect();
    showTooltip(tooltip, column ? tooltipLines(column, { axis: state.axis, origin: origin(), ticksPerSecond, total: showTotal }) : null, event.clientX - rect.left, event.clientY - rect.top, rect.width);
  });
  svg.addEventListener('pointerleave', () => showTooltip(tooltip, null, 0, 0, 0));
  svg.addEventListener('pointerup', (event) => {
    const start = state.dragStart;
    state.dragStart = null;
    selection.attr('width', 0);
    if (start === null || !state.range || !state.domain) return;
    const end = fractionAt(event.clientX);
    if (Math.abs(end - start) * layout().plotWidth >= 4) setRange(subRange(state.range, state.domain, start, end, minWidth()));
  });
  svg.addEventListener('dblclick', () => state.domain && setRange(state.domain));
  svg.addEventListener('keydown', (event) => {
    if (!state.range || !state.domain) return;
    /** @type {Record<string, () => Range>} */
    const keys = {
      '+': () => zoomRange(/** @type {Range} */ (state.range), /** @type {Range} */ (state.domain), KEY_ZOOM, 0.5, minWidth()),
      '=': () => zoomRange(/** @type {Range} */ (state.range), /** @type {Range} */ (state.domain), KEY_ZOOM, 0.5, minWidth()),
      '-': () => zoomRange(/** @type {Range} */ (state.range), /** @type {Range} */ (state.domain), 1 / KEY_ZOOM, 0.5),
      ArrowLeft: () => panRange(/** @type {Range} */ (state.range), /** @type {Range} */ (state.domain), -KEY_PAN),
      ArrowRight: () => panRange(/** @type {Range} */ (state.range), /** @type {Range} */ (state.domain), KEY_PAN),
      '0': () => /** @type {Range} */ (state.domain),
      Home: () => /** @type {Range} */ (state.domain),
    };
    const action = keys[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    setRange(action());
  });
  window.addEventListener('hashchange', applyHash);
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => state.range && setRange(state.range), 150);
  });
  draw();
  applyHash();
  return { describe, count: () => formatCount(state.series?.columns.length ?? 0) };
}
