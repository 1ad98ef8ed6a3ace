import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import StarIcon from '@material-ui/icons/Star';
import StarBorderIcon from '@material-ui/icons/StarBorder';
import type {
  Incident,
  IncidentEventType,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { incidentsApiRef } from '../api/IncidentsApi';
import { ALL, FilterSelect } from '../components/FilterSelect';
import { OwnerLink } from '../components/OwnerLink';
import { Timestamp } from '../components/Timestamp';

const GROUPS: Record<string, IncidentEventType[]> = {
  Alerts: ['alert-fired', 'alert-resolved'],
  Changes: [
    'declared',
    'status-changed',
    'severity-changed',
    'role-changed',
    'fields-changed',
    'runbook-attached',
    'postmortem-started',
    'postmortem-deleted',
  ],
  'Runbook steps': ['step-ticked', 'step-unticked'],
  'Notes and status updates': ['note', 'status-update'],
};

/**
 * Every action on the incident, oldest first: alerts, changes, ticked steps,
 * notes and status updates, with who and when; filtered by kind or to the
 * pinned ones, which the postmortem's timeline starts from.
 */
export const IncidentTimeline = ({
  incident,
  canPin,
  write,
}: {
  incident: Incident;
  canPin: boolean;
  write: (action: () => Promise<Incident>) => Promise<void>;
}) => {
  const api = useApi(incidentsApiRef);
  const [group, setGroup] = useState(ALL);
  const [pinnedOnly, setPinnedOnly] = useState(false);
  const events = incident.timeline.filter(
    e =>
      (group === ALL || GROUPS[group]?.includes(e.type)) &&
      (!pinnedOnly || e.pinned),
  );
  return (
    <InfoCard title={`Timeline (${incident.timeline.length})`}>
      <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={1}>
        <FilterSelect
          label="Show"
          value={group}
          onChange={setGroup}
          options={Object.keys(GROUPS).map(g => ({ value: g, label: g }))}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={pinnedOnly}
              onChange={e => setPinnedOnly(e.target.checked)}
            />
          }
          label="Pinned only"
        />
      </Box>
      <ol
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Timeline"
      >
        {events.map(e => (
          <li key={e.id} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
            <IconButton
              size="small"
              disabled={!canPin}
              aria-label={e.pinned ? 'Unpin' : 'Pin'}
              onClick={() =>
                write(() => api.pinIncidentEvent(incident.id, e.id, !e.pinned))
              }
            >
              {e.pinned ? (
                <StarIcon fontSize="small" color="primary" />
              ) : (
                <StarBorderIcon fontSize="small" />
              )}
            </IconButton>
            <Box minWidth={0}>
              <Typography
                variant="body2"
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              >
                {e.summary}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                <Timestamp value={e.at} /> ·{' '}
                {e.actor.includes(':') ? (
                  <OwnerLink owner={e.actor} defaultKind="user" />
                ) : (
                  e.actor
                )}{' '}
                · {e.source === 'mcp' ? 'via an agent (MCP)' : e.source}
              </Typography>
            </Box>
          </li>
        ))}
      </ol>
      {events.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing of this kind yet.
        </Typography>
      )}
    </InfoCard>
  );
};
