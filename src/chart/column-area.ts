/** A filled area of one value per pixel column (bars one pixel wide, merged into one path), from a base line. */
import type { LinearScale } from './scales.js';
import { roundCoordinate } from './svg-node.js';

/**
 * Path of the area between `base` and each column's value, columns from pixel `left`; NaN and
 * values equal to the base leave their column empty. Cost: one step per column.
 */
export function columnAreaPath(values: Float64Array, y: LinearScale, left: number, base: number): string {
  const baseY = roundCoordinate(y(base));
  let d = '';
  let open = false;
  for (let c = 0; c < values.length; c += 1) {
    const value = values[c];
    if (Number.isNaN(value) || value === base) {
      if (open) d += `V${baseY}Z`;
      open = false;
      continue;
    }
    const top = roundCoordinate(y(value));
    d += open ? `V${top}H${roundCoordinate(left + c + 1)}` : `M${roundCoordinate(left + c)},${baseY}V${top}H${roundCoordinate(left + c + 1)}`;
    open = true;
  }
  if (open) d += `V${baseY}Z`;
  return d;
}
