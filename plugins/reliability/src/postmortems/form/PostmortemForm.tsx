import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  createPostmortemContentSchema,
  type PostmortemContent,
  type PostmortemContentInput,
  type SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { ActionItemsSection } from './ActionItemsSection';
import { IncidentSection } from './IncidentSection';
import { LessonsSection } from './LessonsSection';
import { MilestonesSection } from './MilestonesSection';
import { TimelineSection } from './TimelineSection';
import { WhatHappenedSection } from './WhatHappenedSection';
import { withoutEmpty } from './fields';

/**
 * The postmortem editor: every field of the record, checked as the backend
 * checks it — the rules come from the one postmortem schema in -common — so
 * a problem shows on its field before anything is sent.
 */
export const PostmortemForm = ({
  initial,
  severities,
  onSubmit,
  submitLabel,
  saving = false,
  onCancel,
}: {
  initial: PostmortemContentInput;
  severities: SeverityLevel[];
  onSubmit: (content: PostmortemContent) => void | Promise<void>;
  submitLabel: string;
  saving?: boolean;
  onCancel?: () => void;
}) => {
  const schema = useMemo(
    () =>
      createPostmortemContentSchema({ severities: severities.map(s => s.id) }),
    [severities],
  );
  const resolver = useMemo(() => {
    const zod = zodResolver(schema) as any;
    // A cleared field holds '' in the form: the schema reads it as not set.
    return (values: unknown, context: unknown, options: unknown) =>
      zod(withoutEmpty(values), context, options);
  }, [schema]);
  const form = useForm<PostmortemContentInput, unknown, PostmortemContent>({
    defaultValues: initial,
    resolver: resolver as any,
    mode: 'onTouched',
  });
  const problems = Object.keys(form.formState.errors).length;
  return (
    <form
      noValidate
      aria-label="Postmortem"
      onSubmit={form.handleSubmit(values => onSubmit(values))}
    >
      {/* Nothing typed while a save is under way can be lost: the form waits. */}
      <fieldset
        disabled={saving}
        style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
      >
        <Grid container spacing={2}>
          <IncidentSection form={form} severities={severities} />
          <MilestonesSection form={form} />
          <WhatHappenedSection form={form} />
          <LessonsSection form={form} />
          <TimelineSection form={form} />
          <ActionItemsSection form={form} />
        </Grid>
      </fieldset>
      <Box mt={2} display="flex" alignItems="center" style={{ gap: 8 }}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={saving}
        >
          {submitLabel}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        )}
        {problems > 0 && (
          <Typography role="alert" color="error" variant="body2">
            Fix the fields marked in red first.
          </Typography>
        )}
      </Box>
    </form>
  );
};
