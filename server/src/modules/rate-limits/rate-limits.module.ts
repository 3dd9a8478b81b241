import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateCounter } from './rate-counter.entity';
import { RateCounters } from './rate-counters';

/** Counters shared by every instance through the database (rate-counters.ts); used by logins, filings, uploads. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RateCounter])],
  providers: [RateCounters],
  exports: [RateCounters],
})
export class RateLimitsModule {}
