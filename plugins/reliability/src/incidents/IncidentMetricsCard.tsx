import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatAge } from '@reliability-suite/plugin-reliability-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { useSeverities } from '../shared/useSeverities';

const minutes = (m?: number) =>
  m === undefined ? '—' : formatAge(m * 60) || '0';

/**
 * MTTA, MTTR, MTBF and availability over the last 90 days, and incidents per
 * week by severity — overall, or for one entity.
 */
export const IncidentMetricsCard = ({ entityRef }: { entityRef?: string }) => {
  const api = useApi(incidentsApiRef);
  const severities = useSeverities();
  const { value, loading, error } = useAsync(
    () => api.getIncidentMetrics(entityRef ? { entityRef } : {}),
    [api, entityRef],
  );
  const data = (value?.perWeek ?? []).map(w => ({
    week: new Date(`${w.week}T00:00:00Z`).toLocaleDateString(undefined, {
      month: 'short',
      day: 'numeric',
    }),
    ...w.counts,
  }));
  const figures: Array<[string, string]> = value
    ? [
        ['Incidents', String(value.incidents)],
        ['MTTA', minutes(value.mttaMinutes)],
        ['MTTR', minutes(value.mttrMinutes)],
        ['MTBF', minutes(value.mtbfMinutes)],
        [
          'Availability',
          value.availability === undefined
            ? '—'
            : `${(value.availability * 100).toFixed(3)} %`,
        ],
      ]
    : [];
  return (
    <InfoCard title="Incident figures" subheader="The last 90 days">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
            {figures.map(([label, text]) => (
              <Box key={label}>
                <Typography variant="caption" color="textSecondary">
                  {label}
                </Typography>
                <Typography variant="h6" aria-label={label}>
                  {text}
                </Typography>
              </Box>
            ))}
          </Box>
          <Typography variant="caption" color="textSecondary" component="p">
            MTTA: started → acknowledged; MTTR: started → mitigated;
            availability MTBF / (MTBF + MTTR).
          </Typography>
          <div role="img" aria-label="Incidents per week by severity">
            <ResponsiveContainer width="100%" height={180}>
              <BarChart data={data} margin={{ top: 8, right: 8, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="week" fontSize={11} />
                <YAxis allowDecimals={false} fontSize={11} />
                <Tooltip />
                <Legend />
                {severities.map(s => (
                  <Bar
                    key={s.id}
                    dataKey={s.id}
                    stackId="severity"
                    fill={s.colour}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </InfoCard>
  );
};
