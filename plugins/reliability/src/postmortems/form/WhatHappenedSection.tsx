import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { Controller } from 'react-hook-form';
import {
  FormField,
  FormListField,
  FormTextField,
  type PostmortemFormApi,
} from './fields';
import { Section } from './Section';

const MARKDOWN_FIELDS = [
  ['summary', 'Summary'],
  ['impact', 'Impact'],
  ['detection', 'Detection'],
  ['trigger', 'Trigger'],
  ['resolution', 'Resolution'],
] as const;

/** The story: summary, impact, detection, trigger, resolution, causes. */
export const WhatHappenedSection = ({ form }: { form: PostmortemFormApi }) => {
  const { control } = form;
  const markdown = ([name, label]: (typeof MARKDOWN_FIELDS)[number]) => (
    <FormTextField
      key={name}
      control={control}
      name={name}
      label={label}
      fullWidth
      multiline
      minRows={2}
      margin="dense"
    />
  );
  return (
    <Section title="What happened">
      {MARKDOWN_FIELDS.slice(0, 2).map(markdown)}
      <Box display="flex" alignItems="center" style={{ gap: 16 }}>
        <FormField
          control={control}
          name="usersAffected"
          label="Users affected"
          type="number"
          margin="dense"
          toInput={value => (value === undefined ? '' : String(value))}
          fromInput={text => (text === '' ? '' : Number(text))}
        />
        <Controller
          control={control}
          name="slaBreached"
          render={({ field }) => (
            <FormControlLabel
              control={
                <Checkbox
                  checked={Boolean(field.value)}
                  onChange={e => field.onChange(e.target.checked)}
                />
              }
              label="SLA breached"
            />
          )}
        />
      </Box>
      {MARKDOWN_FIELDS.slice(2).map(markdown)}
      <FormListField
        control={control}
        name="rootCauses"
        label="Root causes (one per line)"
        multiline
      />
      <FormListField
        control={control}
        name="contributingFactors"
        label="Contributing factors (one per line)"
        multiline
      />
    </Section>
  );
};
