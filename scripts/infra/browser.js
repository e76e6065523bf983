'use strict';
// Chromium and CJK fonts for the console's browser tests (test/e2e/console), from Debian's
// packages: no browser download from elsewhere works here. Installed when missing (we run as root).
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const CHROMIUM = '/usr/bin/chromium';
const FONTS = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function ensureBrowser() {
  if (fs.existsSync(CHROMIUM) && fs.existsSync(FONTS)) return;
  console.log('[browser] installing chromium and fonts-noto-cjk (apt-get)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']]) {
    const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (res.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${res.status ?? res.signal}); the console's browser tests need chromium`);
  }
}

module.exports = { ensureBrowser, CHROMIUM };
