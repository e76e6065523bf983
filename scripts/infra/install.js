'use strict';
// Installs the servers into the cache: the Temporal CLI (go install) and the Kafka broker and
// Temporal time-skipping test server jars (Maven copy-dependencies). Each is built in a temp dir
// and renamed into place at the end, so an interrupted build never looks finished.
const fs = require('node:fs');
const path = require('node:path');
const paths = require('./paths');
const { run, which } = require('./proc');

const GO_HINT = 'install Go >= 1.23 (apt-get install golang, or from https://go.dev/dl/) and retry';
const JAVA_HINT = 'apt-get install -y openjdk-17-jre-headless maven';

function need(cmd, hint, extra) {
  const found = which(cmd, extra);
  if (!found) throw new Error(`\`${cmd}\` not found on PATH: ${hint}`);
  return found;
}

// Builds into a fresh temp dir next to `finalDir`, then renames it into place.
async function buildAtomically(finalDir, build) {
  if (fs.existsSync(finalDir)) return;
  fs.mkdirSync(path.dirname(finalDir), { recursive: true });
  const tmp = `${finalDir}.tmp-${process.pid}-${Date.now()}`;
  fs.mkdirSync(tmp);
  try {
    await build(tmp);
    try {
      fs.renameSync(tmp, finalDir);
    } catch (err) {
      // Another process finished the same build first: keep theirs.
      if (!fs.existsSync(finalDir)) throw err;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function ensureTemporal(log) {
  const { VERSIONS } = paths;
  if (fs.existsSync(paths.temporalPath())) return;
  const go = need('go', GO_HINT, ['/usr/local/go/bin', path.join(process.env.HOME || '', 'go', 'bin')]);
  log(`building the Temporal CLI ${VERSIONS.temporal} with go install; this takes several minutes on 2 cores...`);
  // Built in a temp dir, then the binary alone is renamed into place: the target dir may already
  // exist from an earlier build that was interrupted (or one still writing there).
  const tmp = `${paths.temporalDir()}.tmp-${process.pid}`;
  fs.mkdirSync(tmp, { recursive: true });
  const args = [
    'install',
    '-trimpath',
    '-ldflags',
    `-s -w -X github.com/temporalio/cli/temporalcli.Version=${VERSIONS.temporal}`,
    `github.com/temporalio/cli/cmd/temporal@v${VERSIONS.temporal}`,
  ];
  const env = { ...process.env, CGO_ENABLED: '0', GOBIN: tmp };
  const started = Date.now();
  const beat = setInterval(() => log(`  ...still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`), 30000);
  try {
    let res = await run(go, args, { env, log, stream: true });
    if (res.code !== 0 && /sum\.golang\.org|verifying .*module|SECURITY ERROR/i.test(res.out)) {
      log('sum.golang.org is not reachable: retrying with GONOSUMDB=* GOSUMDB=off');
      res = await run(go, args, { env: { ...env, GONOSUMDB: '*', GOSUMDB: 'off' }, log, stream: true });
    }
    if (res.code !== 0) throw new Error(`go install of the Temporal CLI failed (exit ${res.code}); ${GO_HINT}`);
    fs.mkdirSync(paths.temporalDir(), { recursive: true });
    fs.renameSync(path.join(tmp, 'temporal'), paths.temporalPath());
  } finally {
    clearInterval(beat);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s`);
}

function pom(artifact, deps) {
  const dep = ([g, a, v]) => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>fq</groupId><artifactId>${artifact}</artifactId><version>1</version>
<dependencies>
${deps.map(dep).join('\n')}
</dependencies></project>
`;
}

async function mavenJars(tmp, artifact, deps, log) {
  const mvn = need('mvn', JAVA_HINT);
  fs.writeFileSync(path.join(tmp, 'pom.xml'), pom(artifact, deps));
  const res = await run(
    mvn,
    [
      '-B',
      '-q',
      '-Dstyle.color=never',
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      `-DoutputDirectory=${path.join(tmp, 'lib')}`,
      '-DincludeScope=runtime',
    ],
    { cwd: tmp, log, stream: true },
  );
  if (res.code !== 0) throw new Error(`mvn copy-dependencies for ${artifact} failed (exit ${res.code})`);
}

async function ensureKafka(log) {
  if (fs.existsSync(paths.kafkaDir())) return;
  log(`fetching Kafka ${paths.VERSIONS.kafka} jars from Maven Central...`);
  await buildAtomically(paths.kafkaDir(), (tmp) =>
    mavenJars(
      tmp,
      'kafka-dist',
      [
        ['org.apache.kafka', 'kafka_2.13', paths.VERSIONS.kafka],
        ['ch.qos.reload4j', 'reload4j', '1.2.25'],
        ['org.slf4j', 'slf4j-reload4j', '1.7.36'],
      ],
      log,
    ),
  );
}

async function ensureTestServer(log) {
  if (fs.existsSync(paths.testServerPath())) return;
  log(`fetching the Temporal time-skipping test server ${paths.VERSIONS.testServer} from Maven Central...`);
  await buildAtomically(paths.testServerDir(), async (tmp) => {
    await mavenJars(
      tmp,
      'ts-dist',
      [
        ['io.temporal', 'temporal-test-server', paths.VERSIONS.testServer],
        ['org.slf4j', 'slf4j-nop', '1.7.36'],
      ],
      log,
    );
    // Client-side JIT and serial GC: the SDK gives the server about 5 s to answer.
    const script = `#!/bin/sh
DIR="$(cd "$(dirname "$0")" && pwd)"
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$DIR/lib/*" io.temporal.testserver.TestServer "$@"
`;
    fs.writeFileSync(path.join(tmp, 'temporal-test-server'), script, { mode: 0o755 });
  });
}

async function ensure({ log = (msg) => console.log(`[infra] ${msg}`) } = {}) {
  need('java', JAVA_HINT);
  await ensureTemporal(log);
  await ensureKafka(log);
  await ensureTestServer(log);
}

module.exports = { ensure };
