import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import type { SeverityLevel } from '@reliability-suite/plugin-reliability-common';
import { FormListField, FormTextField, type PostmortemFormApi } from './fields';
import { Section } from './Section';

/** What happened to what: title, severity, entities, people, alerts, runbooks. */
export const IncidentSection = ({
  form,
  severities,
}: {
  form: PostmortemFormApi;
  severities: SeverityLevel[];
}) => {
  const { control } = form;
  return (
    <Section title="The incident">
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <FormTextField
            control={control}
            name="title"
            label="Title"
            required
            fullWidth
          />
        </Grid>
        <Grid item xs={6} md={3}>
          <FormTextField
            control={control}
            name="severity"
            select
            label="Severity"
            fullWidth
          >
            <MenuItem value="">None</MenuItem>
            {severities.map(s => (
              <MenuItem key={s.id} value={s.id}>
                {s.id} · {s.label}
              </MenuItem>
            ))}
          </FormTextField>
        </Grid>
        <Grid item xs={6} md={3}>
          <FormTextField
            control={control}
            name="category"
            label="Category"
            fullWidth
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <FormListField
            control={control}
            name="entityRefs"
            label="Affected entities (comma-separated refs)"
          />
        </Grid>
        <Grid item xs={12} md={3}>
          <FormTextField
            control={control}
            name="owner"
            label="Owner (user or group ref)"
            helperText="A bare name is a group"
            fullWidth
          />
        </Grid>
        <Grid item xs={12} md={3}>
          <FormListField
            control={control}
            name="authors"
            label="Authors (comma-separated)"
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <FormListField
            control={control}
            name="alerts"
            label="Alerts that fired (comma-separated)"
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <FormListField
            control={control}
            name="runbooks"
            label="Runbooks used (namespace/name, comma-separated)"
          />
        </Grid>
      </Grid>
    </Section>
  );
};
