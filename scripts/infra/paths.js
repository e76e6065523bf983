'use strict';
// Where things live. The cache (built servers) is outside the repo so a fresh CI clone reuses it;
// per-profile data, logs and pid files live under <repo>/.fengqiao/<profile> (gitignored).
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const VERSIONS = { temporal: '1.5.1', kafka: '3.9.1', testServer: '1.38.0' };

// FENGQIAO_PORT_OFFSET shifts every port, so two checkouts on one machine can run their own
// servers side by side (e.g. two test suites at once).
const OFFSET = Number(process.env.FENGQIAO_PORT_OFFSET || 0);
if (!Number.isInteger(OFFSET) || OFFSET < 0 || OFFSET > 9000) throw new Error(`FENGQIAO_PORT_OFFSET must be a whole number from 0 to 9000, not "${process.env.FENGQIAO_PORT_OFFSET}"`);
const shift = (ports) => Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, v + OFFSET]));

const PORTS = {
  dev: { postgres: 5433, kafka: 9092, kafkaController: 9093, temporal: 7233, temporalUi: 8233 },
  test: { postgres: 55433, kafka: 19092, kafkaController: 19093, temporal: 17233, temporalUi: 18233 },
  // A second set for a developer who wants servers of their own beside a running test suite.
  scratch: { postgres: 45433, kafka: 29092, kafkaController: 29093, temporal: 27233, temporalUi: 28233 },
  // `npm run bench`: fresh servers of its own, so figures are not skewed by old data.
  bench: { postgres: 35433, kafka: 39092, kafkaController: 39093, temporal: 37233, temporalUi: 38233 },
};
for (const profile of Object.keys(PORTS)) PORTS[profile] = shift(PORTS[profile]);

function cacheDir() {
  return process.env.FENGQIAO_CACHE || path.join(os.homedir(), '.cache', 'fengqiao');
}

function profileDirs(profile) {
  if (!PORTS[profile]) throw new Error(`unknown profile "${profile}" (use dev, test, scratch or bench)`);
  const root = path.join(REPO, '.fengqiao', profile);
  return {
    root,
    logs: path.join(root, 'logs'),
    postgres: path.join(root, 'postgres'),
    kafka: path.join(root, 'kafka'),
    temporal: path.join(root, 'temporal'),
    pid: (name) => path.join(root, `${name}.pid`),
    log: (name) => path.join(root, 'logs', `${name}.log`),
  };
}

const temporalDir = () => path.join(cacheDir(), `temporal-${VERSIONS.temporal}`);
const kafkaDir = () => path.join(cacheDir(), `kafka-${VERSIONS.kafka}`);
const testServerDir = () => path.join(cacheDir(), `temporal-test-server-${VERSIONS.testServer}`);

module.exports = {
  REPO,
  VERSIONS,
  PORTS,
  cacheDir,
  profileDirs,
  temporalDir,
  kafkaDir,
  testServerDir,
  temporalPath: () => path.join(temporalDir(), 'temporal'),
  testServerPath: () => path.join(testServerDir(), 'temporal-test-server'),
  searchAttributesFile: path.join(REPO, 'libs', 'temporal', 'search-attributes.json'),
};
