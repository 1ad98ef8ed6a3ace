import Box from '@material-ui/core/Box';
import { POSTMORTEM_MILESTONES } from '@reliability-suite/plugin-reliability-common';
import { FormTimeField, type PostmortemFormApi } from './fields';
import { Section } from './Section';

/** When the incident started, was detected, acknowledged, mitigated, resolved. */
export const MilestonesSection = ({ form }: { form: PostmortemFormApi }) => (
  <Section title="Milestones">
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      {POSTMORTEM_MILESTONES.map(m => (
        <FormTimeField
          key={m}
          control={form.control}
          name={`milestones.${m}`}
          label={m[0].toUpperCase() + m.slice(1)}
        />
      ))}
    </Box>
  </Section>
);
