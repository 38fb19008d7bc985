import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { CityConfig } from '../cities.ts';

/** The namespace and service of the business metrics (Powertools Metrics, embedded metric format). */
export const METRICS_NAMESPACE = 'Wijkteams';
export const SERVICE_NAME = 'wijkteams';

export interface CityObservabilityProps {
  city: CityConfig;
  api: HttpApi;
  functions: lambda.IFunction[];
  /** The log groups of the functions that record intakes, triage and signals: the dashboard counts them by channel, outcome and kind from their lines. */
  logGroups: logs.ILogGroup[];
  table: dynamodb.ITable;
  stateMachine: sfn.StateMachine;
  encryptionKey: kms.IKey;
}

/**
 * What the city's administrators watch: one dashboard with the figures the seeds argue with
 * and the API's health, and alarms to the city's alarm e-mail.
 */
export class CityObservability extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: CityObservabilityProps) {
    super(scope, id);
    const { city, api, table, stateMachine } = props;
    const day = Duration.days(1);
    const fiveMinutes = Duration.minutes(5);

    const business = (metricName: string, dimension?: { name: string; value: string }, statistic = 'Sum', period = day) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: SERVICE_NAME, city: city.id, ...(dimension ? { [dimension.name]: dimension.value } : {}) },
        statistic,
        period,
        label: dimension?.value ?? metricName,
      });

    this.alarmTopic = new sns.Topic(this, 'Alarms', {
      displayName: `Wijkteams ${city.name} alarms`,
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(city.alarmEmail));
    const notify = new cloudwatchActions.SnsAction(this.alarmTopic);
    const alarm = (id: string, description: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods = 1) => {
      const created = new cloudwatch.Alarm(this, id, {
        alarmName: `wijkteams-${city.id}-${id}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      return created;
    };

    const serverErrorRate = new cloudwatch.MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { errors: api.metricServerError({ period: fiveMinutes }), requests: api.metricCount({ period: fiveMinutes }) },
      period: fiveMinutes,
      label: '5xx %',
    });
    // An alarm's math expression holds at most 10 metrics: the functions' throttles are summed per group of 10.
    const MAX_ALARM_METRICS = 10;
    const throttleGroups = Array.from({ length: Math.ceil(props.functions.length / MAX_ALARM_METRICS) }, (_, g) =>
      props.functions.slice(g * MAX_ALARM_METRICS, (g + 1) * MAX_ALARM_METRICS),
    );
    const lambdaThrottles = throttleGroups.map(
      (group, g) =>
        new cloudwatch.MathExpression({
          expression: group.map((_, i) => `g${g}t${i}`).join(' + '),
          usingMetrics: Object.fromEntries(
            group.map((fn, i) => [`g${g}t${i}`, fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' })]),
          ),
          period: fiveMinutes,
          label: 'Lambda throttles',
        }),
    );
    const tableThrottles = new cloudwatch.MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: table.metric('ReadThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }),
        writes: table.metric('WriteThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }),
      },
      period: fiveMinutes,
      label: 'DynamoDB throttle events',
    });
    const flowFailed = stateMachine.metricFailed({ period: fiveMinutes, statistic: 'Sum' });

    alarm('ApiServerErrors', 'More than 1% of API requests answered 5xx in 3 of the last 3 five-minute periods.', serverErrorRate, 1, 3);
    for (const [g, throttles] of lambdaThrottles.entries()) {
      alarm(g === 0 ? 'LambdaThrottles' : `LambdaThrottles${g + 1}`, 'A Lambda function of the city was throttled.', throttles, 1);
    }
    alarm('DynamoDbThrottles', 'The table throttled reads or writes.', tableThrottles, 1);
    alarm('DoorbraakFlowFailed', 'A doorbraak approval flow ended in its Failed path: the escalation needs attention.', flowFailed, 1);
    alarm(
      'OverdueDecisions',
      'An escalation waits past the decision SLA: the team leader and the doorbraakteam are to act.',
      business('EscalationOverdue', undefined, 'Sum', Duration.hours(1)),
      1,
    );

    const graph = (title: string, left: cloudwatch.IMetric[], options: Partial<cloudwatch.GraphWidgetProps> = {}) =>
      new cloudwatch.GraphWidget({ title, left, width: 8, height: 6, ...options });

    // A breakdown by channel, outcome or kind: a Logs Insights query on the metric lines (paid per
    // GB scanned when the dashboard is looked at) instead of a metric per value (paid every month).
    const breakdown = (title: string, metricName: string, by: string) =>
      new cloudwatch.LogQueryWidget({
        title,
        logGroupNames: props.logGroups.map((group) => group.logGroupName),
        view: cloudwatch.LogQueryVisualizationType.STACKEDAREA,
        queryLines: [`filter ispresent(${metricName})`, `stats sum(${metricName}) by bin(1d), ${by}`],
        width: 8,
        height: 6,
      });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `wijkteams-${city.id}`,
      defaultInterval: Duration.days(30),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown: `# Wijkteams ${city.name}\nFigures per day; GET /v1/stats gives them per team and month.`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      breakdown('Intakes by channel', 'IntakeRegistered', 'channel'),
      breakdown('Triage outcomes', 'IntakeTriaged', 'outcome'),
      graph('Complex cases and plans agreed', [business('ComplexCase'), business('PlanAgreed')]),
    );
    this.dashboard.addWidgets(
      graph('Escalations (doorbraak)', [
        business('EscalationSubmitted'),
        business('EscalationApproved'),
        business('EscalationRejected'),
        business('EscalationOverdue'),
      ]),
      graph('Decision lead time (seconds)', [
        business('DecisionLeadTime', undefined, 'Average'),
        business('DecisionLeadTime', undefined, 'p90'),
      ]),
      graph('Doorbraak flows', [stateMachine.metricStarted({ period: day }), stateMachine.metricSucceeded({ period: day }), flowFailed]),
    );
    this.dashboard.addWidgets(
      breakdown('Signals received (vroegsignalering)', 'SignalReceived', 'kind'),
      breakdown('Outreach outcomes', 'SignalOutcome', 'outcome'),
      new cloudwatch.TextWidget({
        markdown:
          'Households reached, help accepted and days to first contact, per team and per partner: `GET /v1/stats` (counters kept with each change).',
        width: 8,
        height: 6,
      }),
    );
    this.dashboard.addWidgets(
      graph('API requests', [api.metricCount({ period: fiveMinutes })]),
      graph('API errors', [api.metricClientError({ period: fiveMinutes }), api.metricServerError({ period: fiveMinutes })], {
        right: [serverErrorRate],
      }),
      graph('API latency p99 (ms)', [api.metricLatency({ period: fiveMinutes, statistic: 'p99' })]),
    );
    this.dashboard.addWidgets(
      graph(
        'Lambda errors',
        props.functions.map((fn) => fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' })),
      ),
      graph('Throttles', [...lambdaThrottles, tableThrottles]),
      graph(
        'Lambda duration p99 (ms)',
        props.functions.map((fn) => fn.metricDuration({ period: fiveMinutes, statistic: 'p99' })),
      ),
    );
  }
}
