import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  backupAgeSeries,
  type ComponentRecoveryHistory,
  type ComponentRecoveryStatus,
  formatAge,
  type RecoveryPlanDetails,
} from '@reliability-suite/plugin-reliability-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';

const HOUR = 3600;
const day = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
  });
const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

const axisProps = {
  dataKey: 'at',
  type: 'number' as const,
  scale: 'time' as const,
  domain: ['dataMin', 'dataMax'] as [string, string],
  tickFormatter: day,
  fontSize: 11,
};

/** Backup age over time (hours) against the RPO. */
const BackupAgeChart = ({
  title,
  history,
  status,
}: {
  title: string;
  history: ComponentRecoveryHistory;
  status?: ComponentRecoveryStatus;
}) => {
  const theme = useTheme();
  const points = backupAgeSeries(history.events).map(p => ({
    at: p.at,
    hours: p.ageSeconds / HOUR,
  }));
  const rpo = status?.backup.rpoSeconds;
  const peak = Math.max(0, ...points.map(p => p.hours));
  const label = `Backup age of ${title} over time${
    rpo !== undefined ? `, against its RPO of ${formatAge(rpo)}` : ''
  }`;
  return (
    <Box flex="1 1 320px" minWidth={280} role="img" aria-label={label}>
      <Typography variant="subtitle2">Backup age</Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {points.length
          ? `now ${formatAge(
              (points.at(-1)?.hours ?? 0) * HOUR,
            )}, at most ${formatAge(peak * HOUR)}`
          : 'no good backup reported'}
        {rpo !== undefined ? ` · RPO ${formatAge(rpo)}` : ''}
      </Typography>
      {points.length > 0 && (
        <ResponsiveContainer width="100%" height={150}>
          <LineChart data={points} margin={{ top: 8, right: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...axisProps} />
            <YAxis
              fontSize={11}
              unit="h"
              domain={[0, Math.ceil(Math.max(peak, (rpo ?? 0) / HOUR) * 1.1)]}
            />
            <Tooltip
              labelFormatter={v => when(Number(v))}
              formatter={(v: number) => [formatAge(v * HOUR), 'age']}
            />
            {rpo !== undefined && (
              <ReferenceLine
                y={rpo / HOUR}
                stroke={theme.palette.error.main}
                strokeDasharray="4 2"
                label={{
                  value: 'RPO',
                  position: 'insideTopRight',
                  fontSize: 11,
                }}
              />
            )}
            <Line
              type="linear"
              dataKey="hours"
              stroke={theme.palette.primary.main}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
};

/** Measured restore times of the drills (minutes) against the RTO. */
const DrillChart = ({
  title,
  history,
  status,
}: {
  title: string;
  history: ComponentRecoveryHistory;
  status?: ComponentRecoveryStatus;
}) => {
  const theme = useTheme();
  const drills = history.events
    .filter(e => e.type === 'drill' && e.restoreSeconds !== undefined)
    .map(e => ({
      at: Date.parse(e.finishedAt ?? e.startedAt),
      minutes: e.restoreSeconds! / 60,
      passed: e.result === 'success' && e.dataVerified !== false,
    }))
    .sort((a, b) => a.at - b.at);
  const rto = status?.drill?.rtoSeconds;
  const label = `Restore times of ${title}'s drills${
    rto !== undefined ? `, against its RTO of ${formatAge(rto)}` : ''
  }`;
  const peak = Math.max(0, ...drills.map(d => d.minutes), (rto ?? 0) / 60);
  return (
    <Box flex="1 1 320px" minWidth={280} role="img" aria-label={label}>
      <Typography variant="subtitle2">Restore drills</Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {drills.length
          ? `${drills.length} drill(s), ${
              drills.filter(d => !d.passed).length
            } failed, slowest ${formatAge(
              Math.max(...drills.map(d => d.minutes)) * 60,
            )}`
          : 'no drill with a measured restore time'}
        {rto !== undefined ? ` · RTO ${formatAge(rto)}` : ''}
      </Typography>
      {drills.length > 0 && (
        <ResponsiveContainer width="100%" height={150}>
          <ScatterChart margin={{ top: 8, right: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...axisProps} />
            <YAxis
              dataKey="minutes"
              fontSize={11}
              unit="m"
              domain={[0, Math.ceil(peak * 1.1)]}
            />
            <Tooltip
              labelFormatter={() => ''}
              formatter={(v: number, name: string) =>
                name === 'at'
                  ? [when(v), 'drill']
                  : [formatAge(v * 60), 'restore']
              }
            />
            {rto !== undefined && (
              <ReferenceLine
                y={rto / 60}
                stroke={theme.palette.error.main}
                strokeDasharray="4 2"
                label={{
                  value: 'RTO',
                  position: 'insideTopRight',
                  fontSize: 11,
                }}
              />
            )}
            <Scatter
              data={drills.filter(d => d.passed)}
              fill={theme.palette.success?.main ?? '#2e7d32'}
              isAnimationActive={false}
            />
            <Scatter
              data={drills.filter(d => !d.passed)}
              fill={theme.palette.error.main}
              isAnimationActive={false}
            />
          </ScatterChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
};

/**
 * The trends of a plan's backed-up components: how old the newest good
 * backup was over time against the RPO, and how long each restore drill took
 * against the RTO.
 */
export const RecoveryTrends = ({ plan }: { plan: RecoveryPlanDetails }) => {
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getRecoveryPlanHistory(plan.namespace, plan.name),
    [api, plan.namespace, plan.name],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const components = (value?.components ?? []).filter(c => c.events.length);
  if (components.length === 0) return null;
  return (
    <Box mt={2}>
      <Typography variant="h6">Trends</Typography>
      {components.map(history => {
        const component = plan.document.spec.components.find(
          c => c.name === history.component,
        );
        const title = component?.title ?? history.component;
        const status = plan.status?.components.find(
          s => s.component === history.component,
        );
        return (
          <Box key={history.component} mt={1}>
            <Typography variant="body2">
              <strong>{title}</strong>
            </Typography>
            <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
              <BackupAgeChart title={title} history={history} status={status} />
              {component?.drill && (
                <DrillChart title={title} history={history} status={status} />
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
