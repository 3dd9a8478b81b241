#!/usr/bin/env node
/**
 * Repair / backfill of the metrics roll-ups (docs/metrics.md): rebuilds metric_counter, metric_outcome,
 * metric_department_counter, metric_item and metric_assignment from the raw tables with MetricsRecompute, or only
 * compares them (--verify) and lists the differences. Uses the compiled app and DATABASE_URL like the server.
 *
 *   pnpm --filter @gezhi/server build
 *   cd server && DATABASE_URL=mariadb://user:pass@host:3306/gezhi node scripts/metrics-recompute.js [--verify]
 *
 * Run the rebuild while no API instance writes (changes made during it may be counted twice); --verify afterwards.
 * Exit code 1 when --verify finds a difference.
 */
const path = require('node:path');

async function main() {
  const dist = path.resolve(__dirname, '../dist');
  const { parseConfig } = require(path.join(dist, 'config/app-config'));
  const { createApp } = require(path.join(dist, 'app.factory'));
  const { MetricsRecompute } = require(path.join(dist, 'modules/metrics/metrics-recompute'));
  const config = parseConfig({ SEED_DEMO: 'false', SWEEP_ENABLED: 'false', SLOT_TOPUP_ENABLED: 'false', ...process.env });
  const app = await createApp(config, { logger: ['error', 'warn'] });
  await app.init();
  try {
    const recompute = app.get(MetricsRecompute);
    if (process.argv.includes('--verify')) {
      const report = await recompute.verify(50);
      console.log(report.equal ? 'roll-ups equal the recomputation' : `differences:\n${report.differences.join('\n')}`);
      process.exitCode = report.equal ? 0 : 1;
      return;
    }
    let last = 0;
    const report = await recompute.rebuild({
      batchSize: 10_000,
      progress: (done, total) => {
        if (done - last >= 100_000 || done === total) {
          last = done;
          console.log(`${new Date().toISOString().slice(11, 19)} ${done}/${total} requests`);
        }
      },
    });
    console.log(`rebuilt: ${report.requests} requests, ${report.assignments} assignments, ${report.counterRows} counter rows in ${report.ms} ms`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
