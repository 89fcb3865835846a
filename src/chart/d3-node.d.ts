/**
 * The slice of d3-node (and the d3 v7 selection inside it) that memplot uses. d3-node ships no
 * type declarations; only src/chart/svg-document.ts imports it.
 */
declare module 'd3-node' {
  export interface D3DomNode {
    readonly outerHTML: string;
    remove(): void;
  }

  export interface D3Selection {
    append(name: string): D3Selection;
    attr(name: string, value: string | number): D3Selection;
    text(value: string): D3Selection;
    remove(): D3Selection;
    node(): D3DomNode | null;
  }

  export interface D3NodeOptions {
    selector?: string;
    container?: string;
    styles?: string;
  }

  export class D3Node {
    constructor(options?: D3NodeOptions);
    readonly d3Element: D3Selection;
    createSVG(width?: number, height?: number, attrs?: Record<string, string | number>): D3Selection;
    svgString(): string;
  }
}
