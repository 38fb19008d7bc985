import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BusinessMetric, BusinessMetrics } from '#shared/use-cases/ports.ts';

/**
 * Business figures as CloudWatch embedded-metric-format lines (Powertools Metrics): one line
 * per event, flushed at once, so nothing waits for the end of an invocation. The only dimensions
 * are the service and the city: every dimension value is a metric to pay for.
 */
export function powertoolsBusinessMetrics(options: { namespace: string; serviceName: string; city: string }): BusinessMetrics {
  // Switched off (local runs, tests): not even Powertools' warning about an empty flush.
  if (process.env.POWERTOOLS_METRICS_DISABLED === 'true') return { record: () => {} };
  const metrics = new Metrics({
    namespace: options.namespace,
    serviceName: options.serviceName,
    defaultDimensions: { city: options.city },
  });
  return {
    record(metric: BusinessMetric, value = 1, dimension) {
      const single = metrics.singleMetric();
      // The channel, outcome or kind goes on the line as a property, not as a dimension: one metric
      // per name instead of one per value (CloudWatch bills each), while Logs Insights still counts
      // by it (the dashboard's breakdowns are queries on these lines).
      if (dimension) single.addMetadata(dimension.name, dimension.value);
      // A single-metric instance publishes as soon as its metric is added; publishing again would
      // only log "No application metrics to publish".
      if (metric === 'DecisionLeadTime') single.addMetric(metric, MetricUnit.Seconds, Math.round(value * 3600));
      else single.addMetric(metric, MetricUnit.Count, value);
    },
  };
}
