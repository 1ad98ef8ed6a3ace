import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import DeleteIcon from '@material-ui/icons/Delete';
import { useFieldArray } from 'react-hook-form';
import { FormTextField, FormTimeField, type PostmortemFormApi } from './fields';
import { Section } from './Section';

/** The incident's timeline, one row per event. */
export const TimelineSection = ({ form }: { form: PostmortemFormApi }) => {
  const { control } = form;
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'timeline',
    keyName: 'key',
  });
  return (
    <Section title="Timeline">
      {fields.map((row, i) => (
        <Box
          key={row.key}
          display="flex"
          alignItems="center"
          style={{ gap: 8 }}
        >
          <FormTimeField
            control={control}
            id={`pm-timeline-${i}-at`}
            name={`timeline.${i}.at`}
            label="At"
          />
          <FormTextField
            control={control}
            id={`pm-timeline-${i}-event`}
            name={`timeline.${i}.event`}
            label="Event"
            style={{ flexGrow: 1 }}
          />
          <FormTextField
            control={control}
            id={`pm-timeline-${i}-link`}
            name={`timeline.${i}.link`}
            label="Link"
          />
          <IconButton
            aria-label={`Remove timeline entry ${i + 1}`}
            onClick={() => remove(i)}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Button
        size="small"
        onClick={() => append({ at: new Date().toISOString(), event: '' })}
      >
        Add timeline entry
      </Button>
    </Section>
  );
};
