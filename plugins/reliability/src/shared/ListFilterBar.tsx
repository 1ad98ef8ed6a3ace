import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { type ReactNode, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ALL, FilterSelect } from '../components/FilterSelect';
import { EntityRefPicker } from './EntityRefPicker';
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

const FILTER_KEYS: Array<keyof ListFilterValues> = [
  'severity',
  'status',
  'owner',
  'entityRef',
  'from',
  'to',
];

/**
 * A list's filter as it is being typed (`draft`, shown in the fields) and
 * as the list asks with it (`filter`, `FILTER_DEBOUNCE_MS` after the last
 * change): one request per pause, not one per keystroke. The filter is kept
 * in the page's URL (`?owner=group:default/platform-team&status=open`), so a
 * filtered list can be shared, and a shared link opens filtered.
 */
export function useListFilter<F extends ListFilterValues>() {
  const [params, setParams] = useSearchParams();
  const fromUrl = () => {
    const initial: ListFilterValues = {};
    for (const key of FILTER_KEYS) {
      const v = params.get(key);
      if (v) initial[key] = v;
    }
    return initial as F;
  };
  const [draft, setDraft] = useState<F>(fromUrl);
  const [filter, setFilter] = useState<F>(fromUrl);
  useEffect(() => {
    const timer = setTimeout(() => setFilter(draft), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => {
    const next = new URLSearchParams(params);
    for (const key of FILTER_KEYS) {
      const v = (filter as ListFilterValues)[key];
      if (v) next.set(key, v);
      else next.delete(key);
    }
    if (next.toString() !== params.toString()) {
      setParams(next, { replace: true });
    }
    // Only a changed filter writes the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter]);
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
      <EntityRefPicker
        id={`${idPrefix}-owner`}
        label="Owner"
        kinds={['Group', 'User']}
        value={value.owner}
        onChange={ref => onChange('owner', ref)}
      />
      <EntityRefPicker
        id={`${idPrefix}-entityRef`}
        label="Entity"
        kinds={['Component', 'Resource', 'System', 'API', 'Domain']}
        value={value.entityRef}
        onChange={ref => onChange('entityRef', ref)}
      />
      {text('from', 'Started from', 'date')}
      {text('to', 'Started before', 'date')}
      <Box flexGrow={1} />
      {children}
    </Box>
  );
};
