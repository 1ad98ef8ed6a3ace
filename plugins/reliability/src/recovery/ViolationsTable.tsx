import {
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  type RecoveryViolation,
  VIOLATION_TYPE_WORDS,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { Timestamp } from '../components/Timestamp';

const inAWeek = () =>
  new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);

/** Who acknowledged an open violation, why and until when; or a button to. */
const AcknowledgeButton = ({
  violation,
  onDone,
}: {
  violation: RecoveryViolation;
  onDone: () => void;
}) => {
  const api = useApi(reliabilityApiRef);
  const alertApi = useApi(alertApiRef);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(inAWeek());
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await api.acknowledgeRecoveryViolation(violation.id, {
        reason,
        ...(until
          ? { until: new Date(`${until}T23:59:59`).toISOString() }
          : {}),
      });
      setOpen(false);
      onDone();
    } catch (e) {
      alertApi.post({
        message: `Could not acknowledge: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        Acknowledge
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>
          Acknowledge: {VIOLATION_TYPE_WORDS[violation.type]} of{' '}
          {violation.componentTitle ?? violation.component}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            {violation.detail}
          </Typography>
          <TextField
            id={`ack-reason-${violation.id}`}
            label="Why it may stay open"
            value={reason}
            onChange={e => setReason(e.target.value)}
            fullWidth
            multiline
            required
            margin="dense"
          />
          <TextField
            id={`ack-until-${violation.id}`}
            label="No reminders until"
            type="date"
            value={until}
            onChange={e => setUntil(e.target.value)}
            margin="dense"
            InputLabelProps={{ shrink: true }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={!reason.trim() || saving}
            onClick={save}
          >
            Acknowledge
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/**
 * Violations of recovery plans as records: the open ones oldest first (what
 * has waited longest), or one entity's, with who acknowledged each and why.
 */
export const ViolationsTable = ({
  entityRef,
  title = 'Open violations',
}: {
  entityRef?: string;
  title?: string;
}) => {
  const api = useApi(reliabilityApiRef);
  const { value, error, retry } = useAsyncRetry(
    () => api.listRecoveryViolations({ state: 'open', entityRef }),
    [api, entityRef],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  const columns: TableColumn<RecoveryViolation>[] = [
    {
      title: 'Open since',
      field: 'openedAt',
      render: v => <Timestamp value={v.openedAt} />,
    },
    {
      title: 'Violation',
      field: 'type',
      render: v => (
        <>
          <Typography variant="body2">
            {VIOLATION_TYPE_WORDS[v.type]}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {v.detail}
          </Typography>
        </>
      ),
    },
    {
      title: 'Component',
      field: 'component',
      render: v => (
        <>
          {v.entityRef ? (
            <EntityRefLinks entityRefs={[v.entityRef]} />
          ) : (
            v.componentTitle ?? v.component
          )}
          <Typography variant="caption" display="block" color="textSecondary">
            {v.plan.title ?? v.plan.name}
          </Typography>
        </>
      ),
    },
    {
      title: 'Owners told',
      field: 'notifiedAt',
      render: v =>
        v.notifiedAt ? (
          <>
            <Timestamp value={v.notifiedAt} />
            {v.reminders > 0 && ` · reminded ${v.reminders}×`}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: 'Acknowledged',
      field: 'acknowledgement',
      render: v =>
        v.acknowledgement ? (
          <>
            <EntityRefLinks
              entityRefs={[v.acknowledgement.by]}
              defaultKind="user"
            />
            <Typography variant="caption" display="block">
              {v.acknowledgement.reason}
            </Typography>
            {v.acknowledgement.until && (
              <Typography variant="caption" color="textSecondary">
                until <Timestamp value={v.acknowledgement.until} />
              </Typography>
            )}
          </>
        ) : (
          <AcknowledgeButton violation={v} onDone={retry} />
        ),
    },
  ];
  return (
    <Table
      title={`${title} (${value?.totalCount ?? '…'})`}
      options={{ paging: false, padding: 'dense', search: false }}
      columns={columns}
      data={value?.items ?? []}
      isLoading={!value}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No open violations: every plan holds.
        </Typography>
      }
    />
  );
};
