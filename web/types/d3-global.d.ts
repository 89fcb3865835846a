/**
 * The part of D3 (v7, loaded as its UMD build: a global `d3`) the pages use, typed for checkJs.
 * Only what is called is declared: scales, axes and selections with constant attributes.
 */
declare namespace d3 {
  interface ScaleLinear {
    (value: number): number;
    domain(): number[];
    domain(domain: readonly number[]): ScaleLinear;
    range(): number[];
    range(range: readonly number[]): ScaleLinear;
    invert(pixel: number): number;
    ticks(count?: number): number[];
    nice(count?: number): ScaleLinear;
  }
  interface Axis {
    (selection: Selection): void;
    tickValues(values: readonly number[]): Axis;
    tickFormat(format: (value: number) => string): Axis;
    tickSize(size: number): Axis;
    tickSizeOuter(size: number): Axis;
    tickPadding(padding: number): Axis;
  }
  interface Selection {
    append(name: string): Selection;
    attr(name: string, value: string | number | null): Selection;
    text(value: string): Selection;
    call(fn: (selection: Selection) => void): Selection;
    selectAll(selector: string): Selection;
    remove(): Selection;
    node(): Element | null;
  }
  function select(target: Element): Selection;
  function scaleLinear(): ScaleLinear;
  function axisBottom(scale: ScaleLinear): Axis;
  function axisLeft(scale: ScaleLinear): Axis;
}
