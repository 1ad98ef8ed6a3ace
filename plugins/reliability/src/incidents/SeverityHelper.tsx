import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';

const USERS = [
  ['all', 'All users'],
  ['many', 'Many users'],
  ['some', 'Some users'],
  ['few', 'A few users'],
  ['none', 'No users (yet)'],
];
const DATA = [
  ['none', 'No'],
  ['at-risk', 'At risk'],
  ['lost', 'Some is lost'],
];

const Question = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: string[][];
  onChange: (value: string) => void;
}) => {
  const id = `severity-helper-${label
    .toLocaleLowerCase('en-US')
    .replace(/\W+/g, '-')}`;
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={e => onChange(e.target.value)}
      style={{ minWidth: 180 }}
      SelectProps={{ SelectDisplayProps: { 'aria-label': label } as any }}
    >
      <MenuItem value="">Not sure</MenuItem>
      {options.map(([v, text]) => (
        <MenuItem key={v} value={v}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
};

/**
 * The severity helper: a few questions — who is affected, is data at risk,
 * is there a workaround, which component is down — and the severity the
 * configured rules and the service's degraded-mode table suggest, with why.
 */
export const SeverityHelper = ({
  entityRef,
  onUse,
}: {
  entityRef?: string;
  onUse?: (severity: string) => void;
}) => {
  const api = useApi(incidentsApiRef);
  const [answers, setAnswers] = useState({
    usersAffected: '',
    data: '',
    workaround: '',
    componentDown: '',
  });
  const set = (key: keyof typeof answers) => (value: string) =>
    setAnswers(a => ({ ...a, [key]: value }));
  const { value } = useAsync(
    () =>
      api.classifyIncident({
        entityRef,
        usersAffected: answers.usersAffected || undefined,
        data: answers.data || undefined,
        workaround: answers.workaround
          ? answers.workaround === 'yes'
          : undefined,
        componentDown: answers.componentDown || undefined,
      }),
    [api, entityRef, JSON.stringify(answers)],
  );
  const asked = Object.values(answers).some(Boolean);
  const suggestion = value?.suggestion;
  return (
    <Box>
      <Typography variant="subtitle2">How bad is it?</Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 12 }} mt={1}>
        <Question
          label="Who is affected"
          value={answers.usersAffected}
          options={USERS}
          onChange={set('usersAffected')}
        />
        <Question
          label="Is data at risk"
          value={answers.data}
          options={DATA}
          onChange={set('data')}
        />
        <Question
          label="Is there a workaround"
          value={answers.workaround}
          options={[
            ['yes', 'Yes'],
            ['no', 'No'],
          ]}
          onChange={set('workaround')}
        />
        {value && value.components.length > 0 && (
          <Question
            label="Which component is down"
            value={answers.componentDown}
            options={value.components.map(c => [c, c])}
            onChange={set('componentDown')}
          />
        )}
      </Box>
      {asked && suggestion?.severity && (
        <Box mt={1} role="status">
          <Typography variant="body2">
            Suggested: <strong>{suggestion.severity}</strong>
            {onUse && (
              <Button
                size="small"
                color="primary"
                onClick={() => onUse(suggestion.severity!)}
                style={{ marginLeft: 8 }}
              >
                Use {suggestion.severity}
              </Button>
            )}
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {suggestion.reasons.map(r => (
              <li key={r}>
                <Typography variant="caption">{r}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Box>
  );
};
