import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { type ReactNode, useEffect, useState } from 'react';
import { ALL, FilterSelect } from '../components/FilterSelect';
import { useSeverities } from './useSeverities';

/** What the incident and postmortem lists are narrowed by on their pages. */
export type ListFilterValues = {
  severity?: string;
  status?: string;
  owner?: string;
  entityRef?: string;
  from?: string;
  to?: string;
};

/** How long typing settles before the list is asked again. */
export const FILTER_DEBOUNCE_MS = 300;

/**
 * A list's filter as it is being typed (`draft`, shown in the fields) and
 * as the list asks with it (`filter`, `FILTER_DEBOUNCE_MS` after the last
 * change): one request per pause, not one per keystroke.
 */
export function useListFilter<F extends ListFilterValues>() {
  const [draft, setDraft] = useState<F>({} as F);
  const [filter, setFilter] = useState<F>({} as F);
  useEffect(() => {
    const timer = setTimeout(() => setFilter(draft), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const set = (key: keyof ListFilterValues, value: string) =>
    setDraft(f => ({ ...f, [key]: value || undefined }));
  return { draft, filter, set };
}

/**
 * The filter bar of the incident and postmortem lists: severity, status,
 * owner, entity and the start window, then the page's own actions.
 */
export const ListFilterBar = (props: {
  /** Prefix of each field's id, e.g. `incident-filter`. */
  idPrefix: string;
  statuses: readonly string[];
  value: ListFilterValues;
  onChange: (key: keyof ListFilterValues, value: string) => void;
  children?: ReactNode;
}) => {
  const { idPrefix, statuses, value, onChange, children } = props;
  const severities = useSeverities();
  const text = (key: keyof ListFilterValues, label: string, type = 'text') => (
    <TextField
      id={`${idPrefix}-${key}`}
      label={label}
      type={type}
      InputLabelProps={type === 'date' ? { shrink: true } : undefined}
      value={value[key] ?? ''}
      onChange={e => onChange(key, e.target.value)}
    />
  );
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-end"
      style={{ gap: 16 }}
    >
      <FilterSelect
        label="Severity"
        value={value.severity ?? ALL}
        onChange={v => onChange('severity', v === ALL ? '' : v)}
        options={severities.map(s => ({
          value: s.id,
          label: `${s.id} · ${s.label}`,
        }))}
      />
      <FilterSelect
        label="Status"
        value={value.status ?? ALL}
        onChange={v => onChange('status', v === ALL ? '' : v)}
        options={statuses.map(s => ({ value: s, label: s }))}
      />
      {text('owner', 'Owner (ref)')}
      {text('entityRef', 'Entity (ref)')}
      {text('from', 'Started from', 'date')}
      {text('to', 'Started before', 'date')}
      <Box flexGrow={1} />
      {children}
    </Box>
  );
};
