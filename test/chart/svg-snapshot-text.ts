/** Chart SVG as snapshots keep it. */

/** Decimals rounded and each ribbon's data cut to its vertex count and extent, so snapshots show structure, not float noise. */
export function snapshotText(svg: string): string {
  return svg
    .replace(/ d="M[^"]{200,}"/g, (attribute) => {
      const numbers = attribute.match(/-?\d+(\.\d+)?/g)!.map(Number);
      return ` d="[${attribute.match(/[MLHVZ]/g)!.length} commands, ${Math.round(Math.min(...numbers))}..${Math.round(Math.max(...numbers))}]"`;
    })
    .replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number))))
    .replace(/></g, '>\n<');
}
