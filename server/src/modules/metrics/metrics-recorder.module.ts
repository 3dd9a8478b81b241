import { Module } from '@nestjs/common';
import { MetricsRecorder } from './metrics-recorder';

/**
 * The incremental roll-ups' write side, with no dependencies of its own (it works on the caller's transaction), so the
 * write paths (requests, whistle, the deadline sweeper) can import it without a cycle through the metrics API.
 */
@Module({ providers: [MetricsRecorder], exports: [MetricsRecorder] })
export class MetricsRecorderModule {}
