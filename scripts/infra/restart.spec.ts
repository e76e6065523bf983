// scripts/infra is plain JavaScript (it runs before dependencies are installed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { crashesInARow, restartDelay } = require('./restart') as { crashesInARow: (before: number, upMs: number) => number; restartDelay: (crashes: number) => number };

describe('npm start restarting a crashed app', () => {
  it('waits 1 s, 2 s, 4 s ... and never more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('starts the back-off over once the app stayed up a minute', () => {
    expect(crashesInARow(0, 500)).toBe(1);
    expect(crashesInARow(4, 59_000)).toBe(5);
    expect(crashesInARow(4, 60_000)).toBe(1);
  });
});
