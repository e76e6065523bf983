import { type Ring, rectRing } from './point';
import { onSegment, pointInRing } from './point-in-polygon';

const square: Ring = rectRing(0, 0, 1, 1);
const closed: Ring = [...square, square[0]];
// A "C" opening east: the notch (0.4..1 × 0.3..0.7) is outside.
const cShape: Ring = [
  { lat: 0, lng: 0 },
  { lat: 0, lng: 1 },
  { lat: 0.3, lng: 1 },
  { lat: 0.3, lng: 0.4 },
  { lat: 0.7, lng: 0.4 },
  { lat: 0.7, lng: 1 },
  { lat: 1, lng: 1 },
  { lat: 1, lng: 0 },
];

describe('pointInRing', () => {
  it.each([
    ['open', square],
    ['closed', closed],
  ])('finds inside and outside points of a %s ring', (_label, ring) => {
    expect(pointInRing({ lat: 0.5, lng: 0.5 }, ring)).toBe(true);
    expect(pointInRing({ lat: 1.5, lng: 0.5 }, ring)).toBe(false);
    expect(pointInRing({ lat: 0.5, lng: -0.1 }, ring)).toBe(false);
  });

  it('counts points on an edge or a vertex as inside', () => {
    for (const ring of [square, closed]) {
      expect(pointInRing({ lat: 0, lng: 0.5 }, ring)).toBe(true);
      expect(pointInRing({ lat: 0.5, lng: 1 }, ring)).toBe(true);
      expect(pointInRing({ lat: 1, lng: 1 }, ring)).toBe(true);
      expect(pointInRing({ lat: 0, lng: 0 }, ring)).toBe(true);
    }
    // On the line of an edge but beyond its end is outside.
    expect(pointInRing({ lat: 0, lng: 1.5 }, square)).toBe(false);
  });

  it('handles concave rings, including rays through reflex vertices', () => {
    expect(pointInRing({ lat: 0.5, lng: 0.7 }, cShape)).toBe(false); // in the notch
    expect(pointInRing({ lat: 0.5, lng: 0.2 }, cShape)).toBe(true); // the spine
    expect(pointInRing({ lat: 0.15, lng: 0.8 }, cShape)).toBe(true); // lower arm
    expect(pointInRing({ lat: 0.3, lng: 0.2 }, cShape)).toBe(true); // ray passes vertex (0.3, 0.4)
    expect(pointInRing({ lat: 0.3, lng: 0.7 }, cShape)).toBe(true); // on the notch's edge
    expect(pointInRing({ lat: 0.7, lng: 1.2 }, cShape)).toBe(false); // ray through two vertices
  });

  it('works on a diagonal edge and a triangle', () => {
    const tri: Ring = [
      { lat: 0, lng: 0 },
      { lat: 0, lng: 2 },
      { lat: 2, lng: 0 },
    ];
    expect(pointInRing({ lat: 1, lng: 1 }, tri)).toBe(true); // on the hypotenuse
    expect(pointInRing({ lat: 0.9, lng: 0.9 }, tri)).toBe(true);
    expect(pointInRing({ lat: 1.1, lng: 1 }, tri)).toBe(false);
  });

  it('treats degenerate rings and non-numeric points as outside', () => {
    expect(pointInRing({ lat: 0, lng: 0 }, square.slice(0, 2))).toBe(false);
    expect(pointInRing({ lat: NaN, lng: 0.5 }, square)).toBe(false);
  });

  it('onSegment accepts the ends and rejects points off the line', () => {
    const a = { lat: 0, lng: 0 };
    const b = { lat: 1, lng: 1 };
    expect(onSegment(a, a, b)).toBe(true);
    expect(onSegment({ lat: 0.5, lng: 0.5 }, a, b)).toBe(true);
    expect(onSegment({ lat: 0.5, lng: 0.6 }, a, b)).toBe(false);
    expect(onSegment({ lat: 2, lng: 2 }, a, b)).toBe(false);
  });
});
