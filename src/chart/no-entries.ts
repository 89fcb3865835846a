/** The message in the middle of a plot that has nothing to draw. */
import type { PlotArea } from './layout.js';
import { roundCoordinate, svgText, type SvgElement } from './svg-node.js';
import type { ChartTheme } from './themes.js';

export function noEntriesText(area: PlotArea, theme: ChartTheme, fontSize: number, text: string): SvgElement {
  return svgText(
    {
      x: roundCoordinate(area.left + area.width / 2), y: roundCoordinate(area.top + area.height / 2), 'text-anchor': 'middle', 'font-size': fontSize, fill: theme.mutedText,
      // The halo parts it from the gridlines it sits on, as the annotations' labels are.
      stroke: theme.background, 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke',
    },
    text,
  );
}
