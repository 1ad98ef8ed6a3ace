import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import TextField from '@material-ui/core/TextField';
import { incidentDeclareSchema } from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { z } from 'zod';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { useSeverities } from '../shared/useSeverities';
import { SeverityHelper } from './SeverityHelper';
import { useIncidentLinks } from './useIncidentLinks';
import { IncidentContextPanel } from './IncidentContextPanel';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

// The typed refs that are refs (kind:namespace/name, the namespace
// optional), for the context; the form itself says what is wrong with the
// others.
function typedRefs(text: string): string[] {
  return text.split(',').flatMap(part => {
    try {
      return [stringifyEntityRef(parseEntityRef(part.trim()))];
    } catch {
      return [];
    }
  });
}

const { shape } = incidentDeclareSchema;
// The declaration's own field rules; entities are typed comma-separated.
const formSchema = z.object({
  title: shape.title,
  severity: shape.severity,
  summary: shape.summary,
  commander: z
    .string()
    .transform(v => v.trim() || undefined)
    .pipe(shape.commander),
  entities: z
    .string()
    .transform(v =>
      v
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    )
    .pipe(shape.entityRefs.unwrap()),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/**
 * Declare an incident: title, severity (with the helper), affected entities,
 * commander (the person declaring when left empty). Opens the incident.
 */
export const DeclareIncidentDialog = ({
  open,
  onClose,
  entityRef,
}: {
  open: boolean;
  onClose: () => void;
  /** The service whose page it is declared from. */
  entityRef?: string;
}) => {
  const api = useApi(incidentsApiRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const links = useIncidentLinks();
  const severities = useSeverities();
  const [saving, setSaving] = useState(false);
  // The service's runbooks, to work through on the incident.
  const reliability = useApi(reliabilityApiRef);
  const { value: runbooks = [] } = useAsync(
    async () => (entityRef ? reliability.listRunbooks(entityRef) : []),
    [reliability, entityRef],
  );
  const [attach, setAttach] = useState<string[]>([]);
  const form = useForm<FormInput, unknown, FormOutput>({
    defaultValues: {
      title: '',
      severity: '',
      summary: '',
      commander: '',
      entities: entityRef ?? '',
    },
    resolver: zodResolver(formSchema) as any,
    mode: 'onTouched',
  });
  const { errors } = form.formState;
  const affected = typedRefs(form.watch('entities') ?? '');
  const submit = form.handleSubmit(async values => {
    setSaving(true);
    try {
      const incident = await api.declareIncident({
        title: values.title,
        severity: values.severity,
        ...(values.summary ? { summary: values.summary } : {}),
        ...(values.commander ? { commander: values.commander } : {}),
        entityRefs: values.entities,
        ...(attach.length ? { runbooks: attach } : {}),
      });
      onClose();
      navigate(links.view(incident.reference));
    } catch (e) {
      alertApi.post({
        message: `Not declared: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setSaving(false);
    }
  });
  const field = (name: keyof FormInput, label: string, extra: object = {}) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field: f }) => (
        <TextField
          {...f}
          id={`declare-${name}`}
          label={label}
          fullWidth
          margin="dense"
          error={!!errors[name]}
          helperText={errors[name]?.message as string | undefined}
          {...extra}
        />
      )}
    />
  );
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md">
      <form onSubmit={submit} noValidate>
        <DialogTitle>Declare an incident</DialogTitle>
        <DialogContent>
          {field('title', 'What is happening')}
          <SeverityHelper
            entityRef={entityRef}
            onUse={severity =>
              form.setValue('severity', severity, { shouldValidate: true })
            }
          />
          {field('severity', 'Severity', {
            select: true,
            SelectProps: { SelectDisplayProps: { 'aria-label': 'Severity' } },
            children: severities.map(s => (
              <MenuItem key={s.id} value={s.id}>
                {s.id} · {s.label} — respond within {s.responseTarget}
              </MenuItem>
            )),
          })}
          {field('entities', 'Affected entities (refs, comma-separated)')}
          <Box my={1}>
            <IncidentContextPanel entityRefs={affected} settleMs={400} />
          </Box>
          {field('commander', 'Incident commander (user ref; default: you)')}
          {field('summary', 'Summary (Markdown)', {
            multiline: true,
            minRows: 2,
          })}
          {runbooks.length > 0 && (
            <>
              <Typography variant="subtitle2" style={{ marginTop: 8 }}>
                Runbooks to work through
              </Typography>
              {runbooks.map(r => {
                const ref = `${r.namespace}/${r.name}`;
                return (
                  <FormControlLabel
                    key={ref}
                    label={r.title}
                    control={
                      <Checkbox
                        checked={attach.includes(ref)}
                        onChange={e =>
                          setAttach(list =>
                            e.target.checked
                              ? [...list, ref]
                              : list.filter(x => x !== ref),
                          )
                        }
                      />
                    }
                  />
                );
              })}
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving}
          >
            Declare
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
