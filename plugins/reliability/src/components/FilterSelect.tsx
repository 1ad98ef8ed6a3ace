import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** The value of a filter's "All" choice. */
export const ALL = '*';

/** A select of filter values, with an "All" choice first. */
export const FilterSelect = ({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) => (
  <TextField
    select
    label={label}
    value={value}
    onChange={e => onChange(e.target.value)}
    style={{ minWidth: 160 }}
    SelectProps={{ SelectDisplayProps: { 'aria-label': label } as any }}
  >
    <MenuItem value={ALL}>All</MenuItem>
    {options.map(o => (
      <MenuItem key={o.value} value={o.value}>
        {o.label}
      </MenuItem>
    ))}
  </TextField>
);
