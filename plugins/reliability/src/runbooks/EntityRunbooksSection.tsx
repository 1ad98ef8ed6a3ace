import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CodeSnippet,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_RUNBOOKS,
  reliabilityRunbookRefreshPermission,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { downloadFile } from './downloadFile';
import { IndexProblems } from './IndexProblems';
import { RunbookTable } from './RunbookTable';
import { useSeverities } from '../shared/useSeverities';

const EXAMPLE = `metadata:
  annotations:
    ${ANNOTATION_RUNBOOKS}: ./runbooks   # a folder next to this file, or a URL

# runbooks/database-down.yaml
apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: database-down
  title: The database is down
spec:
  severity: P1
  triggers:
    - alertName: DatabaseDown
  immediateActions:
    - run: kubectl get pods -l app=postgresql`;

/** The entity's runbooks: the list, the index state, re-index and export. */
export const EntityRunbooksSection = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(reliabilityApiRef);
  const alertApi = useApi(alertApiRef);
  const severities = useSeverities();
  const [busy, setBusy] = useState(false);
  const refresh = usePermission({
    permission: reliabilityRunbookRefreshPermission,
    resourceRef: entityRef,
  });
  const data = useAsyncRetry(async () => {
    const [runbooks, status] = await Promise.all([
      api.listRunbooks(entityRef),
      api.getRunbookIndexStatus(entityRef),
    ]);
    return { runbooks, status };
  }, [api, entityRef]);

  if (data.loading && !data.value) return <Progress />;
  if (data.error) return <ResponseErrorPanel error={data.error} />;
  const { runbooks, status } = data.value!;
  const annotated = Boolean(entity.metadata.annotations?.[ANNOTATION_RUNBOOKS]);

  const reindex = async () => {
    setBusy(true);
    try {
      // Asked by a person: every file read and checked again.
      await api.refreshRunbooks(entityRef, { full: true });
      alertApi.post({
        message: 'Runbooks re-indexed',
        severity: 'success',
        display: 'transient',
      });
      data.retry();
    } catch (e) {
      alertApi.post({
        message: `Re-index failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  const exportHtml = async (
    query: { entityRef: string } | { severity: string },
  ) => {
    try {
      const file = await api.exportRunbooks(query);
      downloadFile(file.fileName, file.content);
    } catch (e) {
      alertApi.post({
        message: `Export failed: ${(e as Error).message}`,
        severity: 'error',
      });
    }
  };

  const reindexButton =
    annotated && refresh.allowed ? (
      <Button variant="outlined" size="small" onClick={reindex} disabled={busy}>
        {busy ? 'Re-indexing…' : 'Re-index now'}
      </Button>
    ) : undefined;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {runbooks.length > 0 ? (
          <>
            <RunbookTable runbooks={runbooks} severities={severities} />
            <Box
              mt={1}
              display="flex"
              justifyContent="flex-end"
              alignItems="center"
              style={{ gap: 8 }}
            >
              <Button
                size="small"
                variant="outlined"
                onClick={() => exportHtml({ entityRef })}
              >
                Export for offline use (HTML)
              </Button>
              <TextField
                select
                size="small"
                label="Export every runbook of severity"
                value=""
                onChange={e => exportHtml({ severity: e.target.value })}
                style={{ minWidth: 260 }}
                SelectProps={{
                  SelectDisplayProps: {
                    'aria-label': 'Export every runbook of severity',
                  } as any,
                }}
              >
                {severities.map(s => (
                  <MenuItem key={s.id} value={s.id}>
                    {s.id} · {s.label}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
          </>
        ) : (
          <EmptyState
            missing={annotated ? 'data' : 'field'}
            title={
              annotated
                ? 'No runbooks found yet'
                : 'No runbooks for this entity'
            }
            description={
              annotated
                ? 'The runbook location has been read but holds no valid runbook. The index state below says why.'
                : `Keep runbooks as YAML next to your code and point the ${ANNOTATION_RUNBOOKS} annotation at them, or name this entity in a runbook's spec.entityRefs.`
            }
            action={
              annotated ? undefined : (
                <Box maxWidth={640}>
                  <Typography variant="body2" gutterBottom>
                    For example, in catalog-info.yaml:
                  </Typography>
                  <CodeSnippet
                    text={EXAMPLE}
                    language="yaml"
                    showCopyCodeButton
                  />
                </Box>
              )
            }
          />
        )}
      </Grid>
      {(status.locations.length > 0 || status.problems.length > 0) && (
        <Grid item xs={12}>
          <IndexProblems status={status} action={reindexButton} />
        </Grid>
      )}
    </Grid>
  );
};
