import { DEMO_POINTS, LatLng } from '@fq/domain';

/** A demo point (a grid's centre) moved `metres` east: 1 m ≈ 0.000011° of longitude at 34.7° N. */
export const eastOf = (i: number, metres = 0): LatLng => ({ lat: DEMO_POINTS[i].point.lat, lng: DEMO_POINTS[i].point.lng + metres * 0.000011 });

/** A demo point moved `metres` north: 1 m ≈ 0.000009° of latitude. */
export const northOf = (i: number, metres = 0): LatLng => ({ lat: DEMO_POINTS[i].point.lat + metres * 0.000009, lng: DEMO_POINTS[i].point.lng });

let seq = 0;
/** A mobile number no other requester of this run has, so tests do not link to each other's cases. */
export const freshPhone = (prefix = '139') => `${prefix}${String(Date.now()).slice(-4)}${String(seq++ % 10_000).padStart(4, '0')}`;
