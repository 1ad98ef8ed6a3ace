import { Link, Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  RunbookSummary,
  SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import { useMemo, useState } from 'react';
import { FreshnessStatus } from './FreshnessStatus';
import { SeverityChip } from '../shared/SeverityChip';
import { useRunbookLinks } from './useRunbookLinks';
import { ALL, FilterSelect } from '../components/FilterSelect';
import { OwnerLink } from '../components/OwnerLink';
import { Timestamp } from '../components/Timestamp';

/** Runbooks with filters by text, severity and alert name. */
export const RunbookTable = ({
  runbooks,
  severities,
}: {
  runbooks: RunbookSummary[];
  severities: SeverityLevel[];
}) => {
  const links = useRunbookLinks();
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState(ALL);
  const [alert, setAlert] = useState(ALL);

  const alerts = useMemo(
    () =>
      [
        ...new Set(runbooks.flatMap(r => r.triggers.map(t => t.alertName))),
      ].sort(),
    [runbooks],
  );
  const rank = (id?: string) =>
    severities.find(s => s.id === id)?.rank ?? Number.MAX_SAFE_INTEGER;

  const rows = runbooks
    .filter(r => severity === ALL || r.severity === severity)
    .filter(r => alert === ALL || r.triggers.some(t => t.alertName === alert))
    .filter(r => {
      const needle = text.trim().toLocaleLowerCase();
      if (!needle) return true;
      return [
        r.title,
        r.name,
        r.category,
        r.owner,
        ...r.triggers.map(t => t.alertName),
      ]
        .filter(Boolean)
        .some(v => v!.toLocaleLowerCase().includes(needle));
    })
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) || a.title.localeCompare(b.title),
    );

  const columns: TableColumn<RunbookSummary>[] = [
    {
      title: 'Runbook',
      field: 'title',
      render: r => (
        <>
          <Link to={links.runbook(r.namespace, r.name)}>{r.title}</Link>
          {r.stale && (
            <Typography variant="caption" color="error" display="block">
              Last good copy: its file in Git has errors
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Severity',
      field: 'severity',
      render: r => <SeverityChip severity={r.severity} levels={severities} />,
    },
    {
      title: 'Alerts',
      render: r => (
        <>
          {r.triggers.map(t => (
            <Chip
              key={t.alertName}
              size="small"
              variant="outlined"
              label={t.alertName}
              style={{ margin: 2 }}
            />
          ))}
        </>
      ),
    },
    { title: 'Category', field: 'category' },
    {
      title: 'Owner',
      field: 'owner',
      render: r => (r.owner ? <OwnerLink owner={r.owner} /> : null),
    },
    { title: 'Freshness', render: r => <FreshnessStatus review={r.review} /> },
    {
      title: 'Last synced',
      render: r => <Timestamp value={r.lastSyncedAt} />,
    },
  ];

  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-end"
        mb={1}
        style={{ gap: 16 }}
      >
        <TextField
          label="Filter"
          placeholder="Title, alert, owner…"
          value={text}
          onChange={e => setText(e.target.value)}
          inputProps={{ 'aria-label': 'Filter runbooks' }}
        />
        <FilterSelect
          label="Severity"
          value={severity}
          onChange={setSeverity}
          options={severities.map(s => ({
            value: s.id,
            label: `${s.id} · ${s.label}`,
          }))}
        />
        <FilterSelect
          label="Alert"
          value={alert}
          onChange={setAlert}
          options={alerts.map(a => ({ value: a, label: a }))}
        />
      </Box>
      <Table<RunbookSummary>
        title={`Runbooks (${rows.length})`}
        options={{
          search: false,
          paging: rows.length > 20,
          pageSize: 20,
          padding: 'dense',
        }}
        columns={columns}
        data={rows}
      />
    </>
  );
};
