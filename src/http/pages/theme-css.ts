/**
 * The server charts' colours and font as CSS custom properties, so that the pages and the chart
 * drawn in the browser look like the PNG/SVG charts: the light theme by default, the dark one when
 * the browser prefers it. Written from CHART_THEMES and FONT_FAMILY, never copied.
 */
import { CHART_THEMES, type ChartTheme } from '../../chart/themes.js';
import { FONT_FAMILY } from '../../chart/text-metrics.js';

/** The theme's colours as `--chart-NAME` properties (camelCase → kebab-case). */
function themeProperties(theme: ChartTheme): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(theme)) {
    const property = `--chart-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (typeof value === 'string') lines.push(`  ${property}: ${value};`);
    else if (typeof value === 'number') lines.push(`  ${property}: ${value};`);
    else if (Array.isArray(value)) value.forEach((item, i) => lines.push(`  ${property}-${i}: ${item};`));
  }
  return lines.join('\n');
}

/** /web/theme.css: light by default, dark under `prefers-color-scheme: dark`. */
export function themeCss(): string {
  return `/* Generated from src/chart/themes.ts and src/chart/text-metrics.ts: the server charts' look. */
:root {
  --chart-font: ${FONT_FAMILY};
${themeProperties(CHART_THEMES.light)}
}
@media (prefers-color-scheme: dark) {
  :root {
${themeProperties(CHART_THEMES.dark).replace(/^/gm, '  ')}
  }
}
`;
}
