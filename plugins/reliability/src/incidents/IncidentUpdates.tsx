import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  describeIssues,
  type Incident,
  incidentNoteSchema,
  incidentStatusUpdateSchema,
} from '@reliability-suite/plugin-reliability-common';
import { useEffect, useRef, useState } from 'react';
import { incidentsApiRef } from '../api/IncidentsApi';
import { Timestamp } from '../components/Timestamp';

/**
 * Status updates (conditions, actions, needs — the latest first) and notes,
 * each checked with the schema the backend checks it with.
 */
export const IncidentUpdates = ({
  incident,
  canWrite,
  write,
}: {
  incident: Incident;
  canWrite: boolean;
  write: (action: () => Promise<Incident>) => Promise<void>;
}) => {
  const api = useApi(incidentsApiRef);
  const alertApi = useApi(alertApiRef);
  const [update, setUpdate] = useState({
    conditions: '',
    actions: '',
    needs: '',
  });
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const conditionsRef = useRef<HTMLTextAreaElement>(null);
  // The keyboard in an incident: `n` to the note, `u` to the status update,
  // unless the key is typed into a field.
  useEffect(() => {
    if (!canWrite) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.isContentEditable ||
          ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
      ) {
        return;
      }
      const field = { n: noteRef, u: conditionsRef }[e.key.toLowerCase()]
        ?.current;
      if (!field) return;
      e.preventDefault();
      field.scrollIntoView?.({ block: 'center' });
      field.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canWrite]);
  const send = async (
    check: { success: boolean; error?: any },
    action: () => Promise<Incident>,
  ) => {
    if (!check.success) {
      setProblem(
        describeIssues(check.error.issues)
          .map(i => `${i.path} ${i.message}`)
          .join('; '),
      );
      return false;
    }
    setProblem(undefined);
    try {
      await write(action);
      return true;
    } catch (e) {
      alertApi.post({ message: (e as Error).message, severity: 'error' });
      return false;
    }
  };
  const field = (key: keyof typeof update, label: string) => (
    <TextField
      id={`status-update-${key}`}
      inputRef={key === 'conditions' ? conditionsRef : undefined}
      label={label}
      value={update[key]}
      onChange={e => setUpdate(u => ({ ...u, [key]: e.target.value }))}
      multiline
      fullWidth
      margin="dense"
    />
  );
  return (
    <InfoCard title="Status updates and notes">
      {[...incident.statusUpdates].reverse().map(u => (
        <Box key={u.id} mb={1}>
          <Typography variant="caption" color="textSecondary">
            <Timestamp value={u.at} /> ·{' '}
            <EntityRefLinks entityRefs={[u.by]} defaultKind="user" />
          </Typography>
          <Typography variant="body2">
            <strong>Conditions:</strong> {u.conditions}
          </Typography>
          <Typography variant="body2">
            <strong>Actions:</strong> {u.actions}
          </Typography>
          {u.needs && (
            <Typography variant="body2">
              <strong>Needs:</strong> {u.needs}
            </Typography>
          )}
        </Box>
      ))}
      {canWrite && (
        <>
          {field('conditions', 'Conditions: what is happening')}
          {field('actions', 'Actions: what is being done')}
          {field('needs', 'Needs: what help is needed')}
          <Button
            variant="outlined"
            color="primary"
            onClick={async () => {
              const body = {
                ...update,
                needs: update.needs.trim() || undefined,
              };
              if (
                await send(incidentStatusUpdateSchema.safeParse(body), () =>
                  api.addIncidentStatusUpdate(incident.id, body),
                )
              ) {
                setUpdate({ conditions: '', actions: '', needs: '' });
              }
            }}
          >
            Post status update
          </Button>
          <Box mt={2} display="flex" alignItems="flex-end" style={{ gap: 8 }}>
            <TextField
              id="incident-note"
              inputRef={noteRef}
              label="Note"
              value={note}
              onChange={e => setNote(e.target.value)}
              multiline
              fullWidth
            />
            <Button
              variant="outlined"
              onClick={async () => {
                if (
                  await send(incidentNoteSchema.safeParse({ text: note }), () =>
                    api.addIncidentNote(incident.id, note),
                  )
                ) {
                  setNote('');
                }
              }}
            >
              Add note
            </Button>
          </Box>
          <Typography variant="caption" color="textSecondary" component="p">
            Keys: <kbd>n</kbd> writes a note, <kbd>u</kbd> a status update.
          </Typography>
          {problem && (
            <Typography color="error" variant="body2" role="alert">
              {problem}
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
};
