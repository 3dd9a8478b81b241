#!/usr/bin/env node
// Adds up the jest JSON reports of every tier and prints one closing line: "N passed, N failed".
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites || 0);
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`${file.replace(/\.json$/, '').padEnd(16)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
const tiersFile = path.join(dir, 'tiers.txt');
if (fs.existsSync(tiersFile)) {
  // tiers without a jest report (builds, bundle checks) count once each
  for (const line of fs.readFileSync(tiersFile, 'utf8').trim().split('\n')) {
    const [result, ...name] = line.split(' ');
    if (result === 'fail') failed += 1;
    console.log(`tier ${result}: ${name.join(' ')}`);
  }
}
if (skipped > 0) console.log(`(${skipped} skipped — the gate allows none)`);
console.log(`${passed} passed, ${failed + skipped} failed`);
