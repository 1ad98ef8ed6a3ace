import { FormListField, type PostmortemFormApi } from './fields';
import { Section } from './Section';

const LESSONS = [
  ['wentWell', 'What went well'],
  ['wentWrong', 'What went wrong'],
  ['gotLucky', 'Where we got lucky'],
] as const;

/** What went well, what went wrong, where we got lucky. */
export const LessonsSection = ({ form }: { form: PostmortemFormApi }) => (
  <Section title="Lessons">
    {LESSONS.map(([key, label]) => (
      <FormListField
        key={key}
        control={form.control}
        name={`lessons.${key}`}
        label={`${label} (one per line)`}
        multiline
      />
    ))}
  </Section>
);
