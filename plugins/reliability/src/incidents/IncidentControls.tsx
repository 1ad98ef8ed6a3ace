import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type {
  Incident,
  IncidentStatus,
  SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { incidentsApiRef } from '../api/IncidentsApi';
import { usePostmortemLinks } from '../postmortems/usePostmortemLinks';

const NEXT: Record<IncidentStatus, Array<[IncidentStatus, string]>> = {
  open: [
    ['mitigated', 'Mark mitigated'],
    ['resolved', 'Resolve'],
  ],
  mitigated: [
    ['resolved', 'Resolve'],
    ['open', 'Reopen'],
  ],
  resolved: [['open', 'Reopen']],
};

/**
 * Status, severity (with a reason for the timeline), and the postmortem —
 * for those the policy lets change the incident. A change someone else made
 * first is a 409: the page reloads what they did.
 */
export const IncidentControls = ({
  incident,
  severities,
  write,
  reload,
}: {
  incident: Incident;
  severities: SeverityLevel[];
  write: (action: () => Promise<Incident | void>) => Promise<void>;
  reload: () => Promise<void>;
}) => {
  const api = useApi(incidentsApiRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const pmLinks = usePostmortemLinks();
  const [severity, setSeverity] = useState(incident.severity);
  const [reason, setReason] = useState('');
  const run = async (action: () => Promise<Incident | void>) => {
    try {
      await write(action);
    } catch (e) {
      const conflict = e instanceof ResponseError && e.statusCode === 409;
      alertApi.post({
        message: conflict
          ? 'Someone changed this incident first: their change is shown now; apply yours again.'
          : (e as Error).message,
        severity: 'error',
      });
      if (conflict) await reload();
    }
  };
  const change = (patch: { status?: IncidentStatus; severity?: string }) =>
    run(() =>
      api.updateIncident(incident.id, {
        version: incident.version,
        ...patch,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    ).then(() => setReason(''));
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
      {NEXT[incident.status].map(([status, label]) => (
        <Button
          key={status}
          variant="outlined"
          color="primary"
          onClick={() => change({ status })}
        >
          {label}
        </Button>
      ))}
      <TextField
        select
        id="incident-severity"
        label="Severity"
        value={severity}
        onChange={e => setSeverity(e.target.value)}
        style={{ minWidth: 140 }}
        SelectProps={{
          SelectDisplayProps: { 'aria-label': 'Change severity' } as any,
        }}
      >
        {severities.map(s => (
          <MenuItem key={s.id} value={s.id}>
            {s.id} · {s.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="incident-reason"
        label="Why (for the timeline)"
        value={reason}
        onChange={e => setReason(e.target.value)}
      />
      <Button
        variant="outlined"
        disabled={severity === incident.severity}
        onClick={() => change({ severity })}
      >
        Change severity
      </Button>
      <Box flexGrow={1} />
      <Button
        variant="contained"
        color="primary"
        onClick={() =>
          run(async () => {
            const { postmortemId } = await api.startIncidentPostmortem(
              incident.id,
            );
            navigate(pmLinks.view(postmortemId));
          })
        }
      >
        {incident.postmortemId ? 'Open postmortem' : 'Start postmortem'}
      </Button>
    </Box>
  );
};
