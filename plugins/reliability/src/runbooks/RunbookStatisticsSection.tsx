import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  OUTCOME_WORDS,
  type MitigationFigures,
  type RunbookStepStatistics,
  type StepOutcomeRecord,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { useIncidentLinks } from '../incidents/useIncidentLinks';

const IncidentLinks = ({ records }: { records: StepOutcomeRecord[] }) => {
  const links = useIncidentLinks();
  return (
    <>
      {records.map((r, i) => (
        <span key={`${r.incidentId}-${i}`}>
          {i > 0 && ', '}
          <Link to={links.view(r.reference)} title={r.note}>
            {r.reference}
          </Link>{' '}
          ({OUTCOME_WORDS[r.outcome].toLocaleLowerCase('en-US')})
        </span>
      ))}
    </>
  );
};

const minutes = (n?: number) => (n === undefined ? '—' : `${n} min`);

const figures = (label: string, f: MitigationFigures) =>
  `${label}: ${f.incidents} incident(s), ${f.mitigated} mitigated${
    f.medianMinutes === undefined ? '' : `, median ${f.medianMinutes} min`
  }`;

const columns: TableColumn<RunbookStepStatistics>[] = [
  { title: 'Step', render: s => s.label ?? s.step },
  { title: 'Done', field: 'counts.done', type: 'numeric' },
  { title: 'Skipped', field: 'counts.skipped', type: 'numeric' },
  { title: 'Failed', field: 'counts.failed', type: 'numeric' },
  { title: 'Did not help', field: 'counts.unhelpful', type: 'numeric' },
  {
    title: 'From the start',
    render: s => minutes(s.medianMinutesFromStart),
  },
  {
    title: 'Last incidents',
    render: s => <IncidentLinks records={s.recent} />,
  },
];

/**
 * What the incidents that used the runbook say of it: the steps that keep
 * going wrong first, then each step's outcomes, and the time to mitigate
 * with the runbook and without it.
 */
export const RunbookStatisticsSection = ({
  namespace,
  name,
}: {
  namespace: string;
  name: string;
}) => {
  const api = useApi(reliabilityApiRef);
  const { value } = useAsync(
    () => api.getRunbookStatistics(namespace, name),
    [api, namespace, name],
  );
  if (!value || value.incidents === 0) return null;
  return (
    <Grid item xs={12} className="reliability-section">
      <Box mb={1}>
        <Typography variant="h6">In incidents ({value.incidents})</Typography>
        {value.patterns.map(p => (
          <Typography
            key={`${p.step}-${p.outcome}`}
            variant="body1"
            color="error"
          >
            {p.label ?? p.step}:{' '}
            {OUTCOME_WORDS[p.outcome].toLocaleLowerCase('en-US')} in {p.count}{' '}
            of the last {p.of} incidents ({p.incidents.join(', ')})
          </Typography>
        ))}
        <Typography variant="body2" color="textSecondary">
          {figures('With this runbook attached', value.mitigation.with)};{' '}
          {figures(
            'its entities’ incidents without it',
            value.mitigation.without,
          )}
          .
        </Typography>
      </Box>
      {value.steps.length > 0 && (
        <Table
          title="How its steps went"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns}
          data={value.steps}
        />
      )}
    </Grid>
  );
};
