import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
} from '@reliability-suite/plugin-reliability-common';
import { useFieldArray } from 'react-hook-form';
import { FormField, FormTextField, type PostmortemFormApi } from './fields';
import { Section } from './Section';

/** What to do so that it does not happen again. */
export const ActionItemsSection = ({ form }: { form: PostmortemFormApi }) => {
  const { control } = form;
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'actionItems',
    keyName: 'key',
  });
  return (
    <Section title="Action items">
      {fields.map((row, i) => {
        const id = (field: string) => `pm-action-${i}-${field}`;
        const name = <F extends string>(field: F) =>
          `actionItems.${i}.${field}` as const;
        return (
          <Box
            key={row.key}
            mb={1}
            display="flex"
            flexWrap="wrap"
            alignItems="center"
            style={{ gap: 8 }}
          >
            <FormTextField
              control={control}
              id={id('action-item')}
              name={name('title')}
              label="Action item"
              style={{ minWidth: 260, flexGrow: 1 }}
            />
            <FormTextField
              control={control}
              select
              id={id('type')}
              name={name('type')}
              label="Type"
            >
              {ACTION_ITEM_TYPES.map(t => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
            </FormTextField>
            <FormTextField
              control={control}
              id={id('owner')}
              name={name('owner')}
              label="Owner"
            />
            <FormTextField
              control={control}
              id={id('priority')}
              name={name('priority')}
              label="Priority"
              style={{ width: 90 }}
            />
            <FormTextField
              control={control}
              select
              id={id('status')}
              name={name('status')}
              label="Status"
            >
              {ACTION_ITEM_STATUSES.map(s => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </FormTextField>
            <FormField
              control={control}
              id={id('due')}
              name={name('dueDate')}
              label="Due"
              type="date"
              InputLabelProps={{ shrink: true }}
            />
            <FormTextField
              control={control}
              id={id('tracker-url')}
              name={name('trackerUrl')}
              label="Tracker URL"
            />
            <FormTextField
              control={control}
              id={id('runbook-namespace-name')}
              name={name('runbook')}
              label="Runbook (namespace/name)"
            />
            <IconButton
              aria-label={`Remove action item ${i + 1}`}
              onClick={() => remove(i)}
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        );
      })}
      <Button
        size="small"
        onClick={() => append({ title: '', type: 'prevent', status: 'open' })}
      >
        Add action item
      </Button>
      <Typography variant="caption" display="block" color="textSecondary">
        Action items that name a runbook show on that runbook's page while they
        are open.
      </Typography>
    </Section>
  );
};
