'use strict';
// When `npm start` restarts a crashed app: after 1 s, 2 s, 4 s ... at most 30 s while it keeps
// crashing; an app that stayed up a minute starts the back-off over.
const FIRST_MS = 1000;
const MAX_MS = 30000;
const STABLE_MS = 60000;

/** Crashes in a row, counting this one: 1 again if the app had been up for STABLE_MS. */
const crashesInARow = (before, upMs) => (upMs >= STABLE_MS ? 1 : before + 1);

/** How long to wait before starting the app again after its n-th crash in a row. */
const restartDelay = (crashes) => Math.min(FIRST_MS * 2 ** (crashes - 1), MAX_MS);

module.exports = { crashesInARow, restartDelay };
