import {
  averageOf,
  DepartmentMetrics,
  HANDLING_TIME_BUCKETS_HOURS,
  HandlingTime,
  percentileFromHistogram,
  rateOf,
  RatingSources,
  RequestMetrics,
} from '@gezhi/shared';
import { DepartmentCounters, HISTOGRAM_COLUMNS, OutcomeCounters, RequestCounters } from './counters';

/**
 * Counters → the numbers on screen. Pure: every rate is numerator / denominator straight from the counters (see
 * docs/metrics.md), null when there is nothing to divide by.
 */
export function requestMetricsOf(counters: RequestCounters, cohort: OutcomeCounters, openOverdue: number): RequestMetrics {
  const c = counters;
  const settledReceived = Math.max(0, c.received - cohort.cancelled - cohort.rejected);
  const overdueTotal = c.missedAccept + c.missedFirstResponse + c.missedResolve + c.missedReport;
  return {
    counts: {
      received: c.received,
      resolved: c.resolvedFirst,
      resolutions: c.resolutions,
      rejected: c.rejected,
      cancelled: c.cancelled,
      rated: c.rated,
      reopened: c.reopened,
      whistled: c.whistled,
    },
    rates: {
      response: rateOf(c.responseOnTime, c.responseDecided),
      resolution: rateOf(cohort.resolved, settledReceived),
      onTimeResolution: rateOf(c.resolveOnTime, c.resolveDecided),
      satisfaction: rateOf(c.satisfied, c.rated),
      reopen: rateOf(c.reopened, c.rated),
    },
    ratingAverages: {
      speed: averageOf(c.speedSum, c.rated),
      effect: averageOf(c.effectSum, c.rated),
      attitude: averageOf(c.attitudeSum, c.rated),
    },
    ratingSources: ratingSourcesOf(c),
    handlingTime: handlingTimeOf(c),
    overdue: {
      accept: c.missedAccept,
      firstResponse: c.missedFirstResponse,
      resolve: c.missedResolve,
      report: c.missedReport,
      total: overdueTotal,
      openNow: openOverdue,
    },
  };
}

/** 回访: self-rated against return-visit ratings, and the items closed unrated (never satisfied). */
export function ratingSourcesOf(c: RequestCounters): RatingSources {
  const selfRated = c.rated - c.ratedReturnVisit;
  return {
    self: { rated: selfRated, satisfaction: rateOf(c.satisfied - c.satisfiedReturnVisit, selfRated) },
    returnVisit: { rated: c.ratedReturnVisit, satisfaction: rateOf(c.satisfiedReturnVisit, c.ratedReturnVisit) },
    closedUnrated: c.closedUnrated,
  };
}

export function handlingTimeOf(c: RequestCounters): HandlingTime {
  const histogram = HISTOGRAM_COLUMNS.map((column) => c[column as keyof RequestCounters]);
  return {
    count: c.resolvedFirst,
    averageHours: c.resolvedFirst > 0 ? Math.round((c.handlingMinutes / c.resolvedFirst / 60) * 10) / 10 : null,
    p90Hours: percentileFromHistogram(histogram, 0.9),
    histogram: histogram.map((count, i) => ({
      fromHours: i === 0 ? 0 : HANDLING_TIME_BUCKETS_HOURS[i - 1],
      toHours: HANDLING_TIME_BUCKETS_HOURS[i] ?? null,
      count,
    })),
  };
}

export function departmentMetricsOf(c: DepartmentCounters): DepartmentMetrics {
  return {
    counts: {
      whistled: c.assigned,
      whistledAsLead: c.assignedLead,
      reported: c.reported,
      reportMissed: c.reportMissed,
      returned: c.returned,
      ended: c.ended,
      resolvedAsLead: c.resolvedAsLead,
      rated: c.rated,
      reopened: c.reopened,
    },
    rates: {
      reportOnTime: rateOf(c.reportOnTime, c.reportDecided),
      return: rateOf(c.returned, c.ended),
      satisfaction: rateOf(c.satisfied, c.rated),
      reopen: rateOf(c.reopened, c.rated),
    },
    ratingAverages: {
      speed: averageOf(c.speedSum, c.rated),
      effect: averageOf(c.effectSum, c.rated),
      attitude: averageOf(c.attitudeSum, c.rated),
    },
  };
}
