import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  IncidentContext,
  IncidentContextEntity,
  IncidentContextPastIncident,
} from '@reliability-suite/plugin-reliability-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { OwnerLink } from '../components/OwnerLink';
import { Timestamp } from '../components/Timestamp';
import { ComplianceLight } from '../recovery/ComponentStatus';
import { useRunbookLinks } from '../runbooks/useRunbookLinks';
import { usePostmortemLinks } from '../postmortems/usePostmortemLinks';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';
import { IncidentStatusChip } from './IncidentStatusChip';
import { useIncidentLinks } from './useIncidentLinks';

// A row stays a line or two: the entity's page lists the rest.
const SHOWN_RUNBOOKS = 3;

const How = ({ entity }: { entity: IncidentContextEntity }) => {
  if (entity.relation === 'affected') return <>Affected</>;
  return (
    <>
      {entity.relation === 'dependent' ? 'Depends on ' : 'Holds '}
      {entity.via ? <EntityRefLink entityRef={entity.via} /> : null}
    </>
  );
};

const EntitiesTable = ({ context }: { context: IncidentContext }) => {
  const links = useRunbookLinks();
  return (
    <Table size="small" aria-label="Affected entities and their dependents">
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell>How</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Runbooks</TableCell>
          <TableCell>Recovery</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {context.entities.map(entity => (
          <TableRow key={entity.entityRef}>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <EntityRefLink entityRef={entity.entityRef} />
            </TableCell>
            <TableCell>
              <How entity={entity} />
            </TableCell>
            <TableCell>
              {entity.owner ? <OwnerLink owner={entity.owner} /> : '—'}
            </TableCell>
            <TableCell>
              {entity.runbooks.length
                ? entity.runbooks.slice(0, SHOWN_RUNBOOKS).map((r, i) => (
                    <span key={`${r.namespace}/${r.name}`}>
                      {i > 0 ? ', ' : ''}
                      <Link to={links.runbook(r.namespace, r.name)}>
                        {r.title}
                      </Link>
                    </span>
                  ))
                : 'None'}
              {entity.runbooks.length > SHOWN_RUNBOOKS &&
                ` and ${entity.runbooks.length - SHOWN_RUNBOOKS} more`}
            </TableCell>
            <TableCell>
              {entity.recovery ? (
                <ComplianceLight state={entity.recovery.state} />
              ) : (
                'No plan'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const PastIncident = ({ past }: { past: IncidentContextPastIncident }) => {
  const incidentLinks = useIncidentLinks();
  const postmortemLinks = usePostmortemLinks();
  const severities = useSeverities();
  const { incident, postmortem } = past;
  return (
    <Box component="li" mb={1}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Link to={incidentLinks.view(incident.reference)}>
          {incident.reference} · {incident.title}
        </Link>
        <SeverityChip severity={incident.severity} levels={severities} />
        <IncidentStatusChip status={incident.status} />
        <Typography variant="caption">
          started <Timestamp value={incident.milestones.started} />
        </Typography>
      </Box>
      <Typography variant="caption" display="block">
        {past.sharedAlertNames.length > 0 &&
          `Same alert: ${past.sharedAlertNames.join(', ')}. `}
        {past.sharedEntityRefs.length > 0 && (
          <>
            Same {past.sharedEntityRefs.length > 1 ? 'entities' : 'entity'}:{' '}
            <EntityRefLinks entityRefs={past.sharedEntityRefs} />
          </>
        )}
      </Typography>
      {postmortem ? (
        <Box ml={2}>
          <Typography variant="body2">
            Postmortem:{' '}
            <Link to={postmortemLinks.view(postmortem.id)}>
              {postmortem.title}
            </Link>{' '}
            ({postmortem.status}),{' '}
            {postmortem.openActionItems.length
              ? `${postmortem.openActionItems.length} open action item(s):`
              : 'every action item done'}
          </Typography>
          {postmortem.openActionItems.length > 0 && (
            <ul aria-label={`Open action items of ${incident.reference}`}>
              {postmortem.openActionItems.map((item, i) => (
                <li key={item.id ?? i}>
                  <Typography variant="body2">
                    {item.title}{' '}
                    <Typography variant="caption" component="span">
                      ({item.status}
                      {item.owner && (
                        <>
                          ,{' '}
                          {item.owner.includes(':') ? (
                            <OwnerLink owner={item.owner} />
                          ) : (
                            item.owner
                          )}
                        </>
                      )}
                      {item.dueDate ? `, due ${item.dueDate}` : ''})
                    </Typography>
                  </Typography>
                </li>
              ))}
            </ul>
          )}
        </Box>
      ) : (
        <Typography
          variant="caption"
          display="block"
          style={{ marginLeft: 16 }}
        >
          No postmortem.
        </Typography>
      )}
    </Box>
  );
};

/** The refs typed settle for a moment before they are asked about. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * What a commander needs beside an incident, when declaring or opening it:
 * who else the affected entities touch (their dependents in the catalog
 * graph), whose they are, their runbooks and state of recovery, and what
 * happened on them before, with the action items still open.
 */
export const IncidentContextPanel = ({
  entityRefs,
  alertNames = [],
  exclude,
  settleMs = 0,
}: {
  entityRefs: string[];
  alertNames?: string[];
  exclude?: string;
  /** Wait this long after a change before asking (typed input). */
  settleMs?: number;
}) => {
  const api = useApi(incidentsApiRef);
  const key = useSettled(
    JSON.stringify([[...entityRefs].sort(), [...alertNames].sort()]),
    settleMs,
  );
  const { value, loading, error } = useAsync(async () => {
    const [refs, alerts] = JSON.parse(key) as [string[], string[]];
    if (!refs.length && !alerts.length) return undefined;
    return api.getIncidentContext({
      entityRefs: refs,
      alertNames: alerts,
      exclude,
    });
  }, [api, key, exclude]);
  if (loading && !value) return <Progress />;
  if (error) {
    return (
      <Typography variant="body2" color="error">
        The context could not be read: {error.message}
      </Typography>
    );
  }
  if (!value) return null;
  return (
    <Box aria-label="Incident context" component="section">
      <Typography variant="subtitle2">
        Who else this touches
        {value.truncated ? ' (the nearest; the catalog graph goes on)' : ''}
      </Typography>
      {value.entities.length ? (
        <EntitiesTable context={value} />
      ) : (
        <Typography variant="body2">
          None of these entities is in the catalog.
        </Typography>
      )}
      <Typography variant="subtitle2" style={{ marginTop: 12 }}>
        Seen before
      </Typography>
      {value.pastIncidents.length ? (
        <Box component="ul" pl={2} m={0}>
          {value.pastIncidents.map(p => (
            <PastIncident key={p.incident.id} past={p} />
          ))}
        </Box>
      ) : (
        <Typography variant="body2">
          No earlier incident on these entities or alerts.
        </Typography>
      )}
    </Box>
  );
};
