#!/usr/bin/env node
// Adds up the jest JSON reports of every tier and prints one closing line: "N passed, N failed".
// tiers.txt has a line per tier: result, the name of its jest report ("-" for builds and bundle checks), the tier's
// name. A tier with a report counts its tests; a failed tier whose report shows no failed test (a crash, a suite
// that could not run, a missing report) counts one failure; a tier without a report counts once either way.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const reports = new Map();
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  reports.set(file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
}

let passed = 0;
let failed = 0;
let skipped = 0;
const counted = new Set();
const countReport = (name) => {
  const report = reports.get(name);
  if (!report || counted.has(name)) return 0;
  counted.add(name);
  const failedHere = report.numFailedTests + (report.numRuntimeErrorTestSuites || 0);
  passed += report.numPassedTests;
  failed += failedHere;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`${name.padEnd(22)} ${report.numPassedTests} passed, ${failedHere} failed`);
  return failedHere;
};

const tiersFile = path.join(dir, 'tiers.txt');
const tiers = fs.existsSync(tiersFile) ? fs.readFileSync(tiersFile, 'utf8').trim().split('\n').filter(Boolean) : [];
for (const line of tiers) {
  const [result, report, ...name] = line.split('\t');
  if (report === '-') {
    if (result === 'fail') failed += 1;
  } else {
    const failedInReport = countReport(report);
    if (result === 'fail' && failedInReport === 0) failed += 1; // failed without a failing test to show for it
  }
  console.log(`tier ${result}: ${name.join(' ')}`);
}
for (const name of reports.keys()) countReport(name); // reports no tier claimed (run by hand)
if (skipped > 0) console.log(`(${skipped} skipped — the gate allows none)`);
console.log(`${passed} passed, ${failed + skipped} failed`);
