import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { Incident } from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { Timestamp } from '../components/Timestamp';

/** Who holds each role now, who held it before (from when to when), and hand-over. */
export const IncidentRoles = ({
  incident,
  canChange,
  write,
}: {
  incident: Incident;
  canChange: boolean;
  write: (action: () => Promise<Incident>) => Promise<void>;
}) => {
  const api = useApi(incidentsApiRef);
  const { value: roles = [] } = useAsync(() => api.listIncidentRoles(), [api]);
  const [role, setRole] = useState('commander');
  const [user, setUser] = useState('');
  return (
    <InfoCard title="Roles">
      {roles.map(r => {
        const held = incident.roles.filter(a => a.role === r.id);
        const now = held.find(a => !a.handedOverAt);
        return (
          <Box key={r.id} mb={1}>
            <Typography variant="subtitle2">{r.title}</Typography>
            {now ? (
              <EntityRefLinks entityRefs={[now.user]} defaultKind="user" />
            ) : (
              <Typography variant="body2" color="textSecondary">
                nobody
              </Typography>
            )}
            {held
              .filter(a => a.handedOverAt)
              .map(a => (
                <Typography
                  key={a.assumedAt}
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  before:{' '}
                  <EntityRefLinks entityRefs={[a.user]} defaultKind="user" />{' '}
                  from <Timestamp value={a.assumedAt} relative={false} /> to{' '}
                  <Timestamp value={a.handedOverAt} relative={false} />
                </Typography>
              ))}
          </Box>
        );
      })}
      {canChange && (
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="flex-end"
          style={{ gap: 8 }}
          mt={2}
        >
          <TextField
            select
            id="incident-role"
            label="Role"
            value={role}
            onChange={e => setRole(e.target.value)}
            style={{ minWidth: 160 }}
            SelectProps={{
              SelectDisplayProps: { 'aria-label': 'Role' } as any,
            }}
          >
            {roles.map(r => (
              <MenuItem key={r.id} value={r.id}>
                {r.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="incident-role-user"
            label="Person (user ref)"
            value={user}
            onChange={e => setUser(e.target.value)}
          />
          <Button
            variant="outlined"
            disabled={!user.trim()}
            onClick={() =>
              write(() =>
                api.assignIncidentRole(incident.id, role, user.trim()),
              ).then(() => setUser(''))
            }
          >
            Hand over
          </Button>
        </Box>
      )}
    </InfoCard>
  );
};
