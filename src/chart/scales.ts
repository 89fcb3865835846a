/** Linear position scales: data value → pixel. */

export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** Maps domain[0] → range[0] and domain[1] → range[1]; an empty domain maps to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const ratio = span === 0 ? 0 : (r1 - r0) / span;
  const scale = span === 0 ? () => (r0 + r1) / 2 : (value: number) => r0 + (value - d0) * ratio;
  return Object.assign(scale, { domain: [d0, d1] as const, range: [r0, r1] as const });
}
