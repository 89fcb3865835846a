import t, { type Test } from 'tap';
import { boxesOverlap, layoutLabels, segmentCrosses, type Box, type LabelLayoutOptions, type LabelPlacement, type LabelRequest } from '../../src/chart/label-layout.js';

const bounds: Box = { x0: 83, y0: 63, x1: 717, y1: 537 };
const gap = 7.2;

function markerBox(x: number, y: number): Box {
  return { x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5 };
}

/** Every placed box inside the bounds, clear of the markers, and no two of them intersecting. */
function checkLayout(t: Test, requests: readonly LabelRequest[], placements: readonly (LabelPlacement | null)[], options: LabelLayoutOptions, name: string): void {
  t.equal(placements.length, requests.length, `${name}: one result per label`);
  const boxes = placements.filter((p): p is LabelPlacement => p !== null).map((p) => p.box);
  for (const [i, box] of boxes.entries()) {
    t.ok(box.x0 >= options.bounds.x0 && box.x1 <= options.bounds.x1 && box.y0 >= options.bounds.y0 && box.y1 <= options.bounds.y1, `${name}: box ${i} inside the plot`);
    t.notOk(options.obstacles.some((marker) => boxesOverlap(box, marker)), `${name}: box ${i} clear of the markers`);
    for (const other of boxes.slice(i + 1)) t.notOk(boxesOverlap(box, other), `${name}: box ${i} clear of the later boxes`);
  }
  placements.forEach((p, i) => {
    if (!p) return;
    t.ok(Math.abs(p.box.x1 - p.box.x0 - requests[i].width) < 1e-9, `${name}: box ${i} keeps its width`);
    t.ok(Math.abs(p.box.y1 - p.box.y0 - requests[i].height) < 1e-9, `${name}: box ${i} keeps its height`);
  });
}

t.test('boxesOverlap: touching edges do not overlap, a shared inch does', async (t) => {
  t.notOk(boxesOverlap({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 10, y0: 0, x1: 20, y1: 10 }));
  t.ok(boxesOverlap({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 9, y0: 9, x1: 20, y1: 20 }));
  t.notOk(boxesOverlap({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 0, y0: 11, x1: 10, y1: 20 }));
});

t.test('close points: labels of points at the same place, 1 px apart, in every corner and edge never intersect', async (t) => {
  const widths = [190, 260, 210];
  const places: [string, number, number][] = [
    ['top right', 716, 64],
    ['bottom right', 716, 536],
    ['top left', 84, 64],
    ['bottom left', 84, 536],
    ['middle', 400, 300],
    ['right edge', 716, 300],
    ['top edge', 400, 64],
  ];
  for (const [place, x, y] of places) {
    for (const spread of [0, 1, 4, 12]) {
      const points = [
        [x, y],
        [x - spread, y + spread],
        [x, y + 2 * spread],
      ].map(([px, py]) => [Math.min(716, Math.max(84, px)), Math.min(536, Math.max(64, py))]);
      const requests = points.map(([px, py], i) => ({ x: px, y: py, width: widths[i], height: 15 }));
      const options = { bounds, gap, obstacles: points.map(([px, py]) => markerBox(px, py)) };
      const placements = layoutLabels(requests, options);
      checkLayout(t, requests, placements, options, `${place}, ${spread} px apart`);
      t.ok(placements.every((p) => p !== null), `${place}, ${spread} px apart: room for all three`);
    }
  }
});

t.test('a label beside its point has no leader; one moved away has one', async (t) => {
  const [alone] = layoutLabels([{ x: 400, y: 300, width: 100, height: 15 }], { bounds, gap, obstacles: [markerBox(400, 300)] });
  t.equal(alone?.leader, false);
  t.ok(alone!.box.y1 <= 300 && alone!.box.x1 <= 400 - gap, 'left of the point and not below it, the first choice');
  t.equal(alone?.anchor, 'end');
  // Three labels for one point: only one fits beside it on each side of the height; the rest are stacked away.
  const stacked = layoutLabels(
    [0, 1, 2, 3].map(() => ({ x: 716, y: 64, width: 300, height: 15 })),
    { bounds, gap, obstacles: [markerBox(716, 64)] },
  );
  t.ok(stacked.some((p) => p?.leader), 'some label needs a leader');
  t.ok(stacked.every((p) => p !== null));
});

t.test('a label hides no line when there is room: it moves past a line rather than cross it', async (t) => {
  // A vertical line at x = 690 from the bottom to the top, the point at its right at the bottom.
  const lineCover = (box: Box) => (box.x0 <= 690 && box.x1 >= 690 ? 1 : 0);
  const [placement] = layoutLabels([{ x: 716, y: 536, width: 200, height: 15 }], { bounds, gap, obstacles: [markerBox(716, 536)], lineCover });
  t.ok(placement!.box.x1 < 690, `left of the line (box ends at ${placement!.box.x1})`);
  t.equal(placement!.leader, true, 'and pointed back to its point');
  const [crossing] = layoutLabels([{ x: 716, y: 536, width: 200, height: 15 }], { bounds, gap, obstacles: [markerBox(716, 536)] });
  t.ok(crossing!.box.x1 > 690, 'without the line the label stays beside the point');
});

t.test('a label wider or taller than the plot is left out, never drawn outside or over another', async (t) => {
  const placements = layoutLabels(
    [
      { x: 400, y: 300, width: 700, height: 15 },
      { x: 400, y: 300, width: 100, height: 600 },
      { x: 400, y: 300, width: 100, height: 15 },
    ],
    { bounds, gap, obstacles: [markerBox(400, 300)] },
  );
  t.same(placements.slice(0, 2), [null, null]);
  t.ok(placements[2] !== null, 'the one that fits is placed');
  // A plot so small that the second label has nowhere to go.
  const tiny: Box = { x0: 0, y0: 0, x1: 120, y1: 20 };
  const crowded = layoutLabels(
    [
      { x: 60, y: 10, width: 50, height: 15 },
      { x: 60, y: 10, width: 50, height: 15 },
      { x: 60, y: 10, width: 50, height: 15 },
    ],
    { bounds: tiny, gap: 2, obstacles: [] },
  );
  checkLayout(t, [0, 1, 2].map(() => ({ x: 60, y: 10, width: 50, height: 15 })), crowded, { bounds: tiny, gap: 2, obstacles: [] }, 'crowded');
  t.ok(crowded.some((p) => p === null), 'a label that cannot fit is dropped');
});

t.test('deterministic: the same requests give the same boxes', async (t) => {
  const requests = [
    { x: 700, y: 80, width: 220, height: 15 },
    { x: 699, y: 79, width: 300, height: 15 },
    { x: 716, y: 100, width: 210, height: 15 },
  ];
  const options = { bounds, gap, obstacles: requests.map((r) => markerBox(r.x, r.y)) };
  t.same(layoutLabels(requests, options), layoutLabels(requests, options));
});

t.test('segmentCrosses agrees with dense sampling and costs the same for any length', async (t) => {
  const box: Box = { x0: 10, y0: 20, x1: 50, y1: 40 };
  const sampled = (ax: number, ay: number, bx: number, by: number) => {
    for (let i = 0; i <= 4000; i++) {
      const x = ax + ((bx - ax) * i) / 4000;
      const y = ay + ((by - ay) * i) / 4000;
      if (x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1) return true;
    }
    return false;
  };
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 80 - 10;
  for (let i = 0; i < 2000; i++) {
    const [ax, ay, bx, by] = [random(), random(), random(), random()];
    if (segmentCrosses(ax, ay, bx, by, box) !== sampled(ax, ay, bx, by)) t.fail(`(${ax},${ay})-(${bx},${by})`);
  }
  t.equal(segmentCrosses(10, 30, 10, 90, box), false, 'along an edge is not through');
  t.equal(segmentCrosses(0, 10, 60, 50, box), true, 'diagonal through');
  // Ends 5.7e14 px apart (entries far outside the header's times): answered at once, and right.
  t.equal(segmentCrosses(-5.7e14, 30, 5.7e14, 30, box), true);
  t.equal(segmentCrosses(-5.7e14, 0, 5.7e14, 0, box), false);
});
