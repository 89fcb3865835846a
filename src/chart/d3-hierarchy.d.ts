/**
 * The slice of d3 v7's hierarchy module (re-exported by `d3`, the package d3-node draws with)
 * that the malloc-tag icicle uses: `hierarchy`, `sum` and the `partition` layout. d3 ships no type
 * declarations; only src/chart/malloc-tag/icicle.ts imports it.
 */
declare module 'd3' {
  export interface HierarchyNode<Datum> {
    data: Datum;
    depth: number;
    height: number;
    value?: number;
    parent: HierarchyNode<Datum> | null;
    children?: HierarchyNode<Datum>[];
    sum(value: (datum: Datum) => number): this;
    descendants(): HierarchyNode<Datum>[];
  }

  export interface HierarchyRectangularNode<Datum> extends HierarchyNode<Datum> {
    x0: number;
    x1: number;
    y0: number;
    y1: number;
    parent: HierarchyRectangularNode<Datum> | null;
    children?: HierarchyRectangularNode<Datum>[];
    descendants(): HierarchyRectangularNode<Datum>[];
  }

  export interface PartitionLayout<Datum> {
    (root: HierarchyNode<Datum>): HierarchyRectangularNode<Datum>;
    size(size: [number, number]): this;
    padding(padding: number): this;
    round(round: boolean): this;
  }

  export function hierarchy<Datum>(data: Datum, children?: (datum: Datum) => Iterable<Datum> | null | undefined): HierarchyNode<Datum>;
  export function partition<Datum>(): PartitionLayout<Datum>;
}
