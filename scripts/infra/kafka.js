'use strict';
// Single-node Kafka 3.9.1 in KRaft mode, run straight from the Maven jars with java.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const paths = require('./paths');
const { run, spawnDetached, ownedPid, assertPortFree, waitFor, stopPid, portOpen } = require('./proc');

const NAME = 'kafka';
const MARKER = 'kafka.Kafka';
const classpath = () => path.join(paths.kafkaDir(), 'lib', '*');
const url = (profile) => `127.0.0.1:${paths.PORTS[profile].kafka}`;
const pidFile = (profile) => paths.profileDirs(profile).pid(NAME);
const pid = (profile) => ownedPid(pidFile(profile), MARKER);

function writeConfig(profile) {
  const dirs = paths.profileDirs(profile);
  const { kafka: port, kafkaController: ctl } = paths.PORTS[profile];
  const props = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${ctl}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${ctl}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': path.join(dirs.kafka, 'data'),
    // One broker: internal topics cannot be replicated (else consumers loop on
    // "group coordinator not available").
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'offsets.topic.num.partitions': 1,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': true,
    'num.partitions': 3,
  };
  const text = Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
  fs.writeFileSync(path.join(dirs.kafka, 'server.properties'), text);
  // Broker log to a rotating file in logs/; the process's own stdout/stderr (JVM errors) go to kafka.out.log.
  const log4j = [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    `log4j.appender.file.File=${dirs.log(NAME)}`,
    'log4j.appender.file.MaxFileSize=10MB',
    'log4j.appender.file.MaxBackupIndex=2',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka=INFO',
    'log4j.logger.org.apache.kafka=INFO',
    'log4j.logger.state.change.logger=WARN',
    'log4j.logger.kafka.request.logger=WARN',
  ];
  fs.writeFileSync(path.join(dirs.kafka, 'log4j.properties'), log4j.join('\n') + '\n');
}

// Formats the storage once; the cluster id is kept in the data dir so restarts reuse it.
async function formatOnce(profile) {
  const dir = paths.profileDirs(profile).kafka;
  if (fs.existsSync(path.join(dir, 'data', 'meta.properties'))) return;
  const idFile = path.join(dir, 'cluster-id');
  if (!fs.existsSync(idFile)) {
    // A Kafka cluster id is 16 random bytes in base64url (what random-uuid prints); like Kafka,
    // avoid a leading '-', which a command line would read as an option.
    let id;
    do id = crypto.randomBytes(16).toString('base64url');
    while (id.startsWith('-'));
    fs.writeFileSync(idFile, `${id}\n`);
  }
  const id = fs.readFileSync(idFile, 'utf8').trim();
  const res = await run('java', [
    '-cp', classpath(), 'kafka.tools.StorageTool', 'format', '--ignore-formatted',
    '-t', id, '-c', path.join(dir, 'server.properties'),
  ]);
  if (res.code !== 0) throw new Error(`kafka storage format failed:\n${res.out}`);
}

// Healthy = the broker answers a metadata request and lists itself.
async function health(profile) {
  if (!(await portOpen(paths.PORTS[profile].kafka))) return false;
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    clientId: 'fengqiao-infra',
    brokers: [url(profile)],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    return brokers.length > 0;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function start(profile) {
  const dirs = paths.profileDirs(profile);
  let p = pid(profile);
  if (!p) {
    await assertPortFree(paths.PORTS[profile].kafka, 'Kafka');
    await assertPortFree(paths.PORTS[profile].kafkaController, 'the Kafka controller');
    fs.mkdirSync(dirs.kafka, { recursive: true });
    writeConfig(profile);
    await formatOnce(profile);
    p = spawnDetached(
      'java',
      [
        '-Xmx512m',
        '-Xms256m',
        '-XX:+UseSerialGC', // 2 cores: no concurrent GC threads to compete with the apps
        '-Djava.awt.headless=true',
        `-Dlog4j.configuration=file:${path.join(dirs.kafka, 'log4j.properties')}`,
        '-cp',
        classpath(),
        MARKER,
        path.join(dirs.kafka, 'server.properties'),
      ],
      { cwd: dirs.kafka, logFile: dirs.log('kafka.out'), pidFile: pidFile(profile) },
    );
  }
  await waitFor('kafka', () => health(profile), { timeoutMs: 90000, pid: p, logFile: [dirs.log(NAME), dirs.log('kafka.out')], intervalMs: 500 });
}

// SIGTERM makes the broker shut down cleanly (flushes logs, no recovery on next start).
async function stop(profile) {
  const p = pid(profile);
  if (p) await stopPid(p, 30000);
}

module.exports = { NAME, url, pid, health, start, stop };
