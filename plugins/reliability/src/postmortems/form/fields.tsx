import MuiTextField, { type TextFieldProps } from '@material-ui/core/TextField';
import type {
  PostmortemContent,
  PostmortemContentInput,
} from '@reliability-suite/plugin-reliability-common';
import { useEffect, useState } from 'react';
import {
  type Control,
  Controller,
  type FieldError,
  type FieldPath,
  type UseFormReturn,
} from 'react-hook-form';

/**
 * `''` and blank text, anywhere in the form's values, as "not set": what the
 * schema is given.
 */
export function withoutEmpty(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, withoutEmpty(v)])
        .filter(([, v]) => v !== undefined),
    );
  }
  return value;
}

/** The postmortem form: values as the schema takes them, output as it gives them. */
export type PostmortemFormApi = UseFormReturn<
  PostmortemContentInput,
  unknown,
  PostmortemContent
>;
type Name = FieldPath<PostmortemContentInput>;

/**
 * A text field whose label is tied to its input (an id from the label, or
 * the one given), so screen readers and tests find it by its label.
 */
export const TextField = (props: TextFieldProps) => (
  <MuiTextField
    {...props}
    id={
      props.id ??
      `pm-${String(props.label)
        .toLocaleLowerCase('en-US')
        .replace(/[^a-z0-9]+/g, '-')}`
    }
  />
);

/**
 * The message of a field's problem, from the schema: for a list, the
 * list's own problem or its first item's.
 */
export function errorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as FieldError & { root?: FieldError };
  if (typeof e.message === 'string' && e.message) return e.message;
  if (e.root?.message) return e.root.message;
  if (Array.isArray(error)) {
    const index = error.findIndex(Boolean);
    const message = errorMessage(error[index]);
    return message ? `item ${index + 1}: ${message}` : undefined;
  }
  return undefined;
}

type FormControl = Control<PostmortemContentInput, unknown, PostmortemContent>;

/**
 * A text input bound to one field of the form: `toInput` shows the value as
 * text, `fromInput` turns what is typed back into the value; the schema's
 * problem with the field shows under it. A cleared field holds `''` (the
 * form would show the starting value again for `undefined`); the form's
 * resolver reads `''` as "not set".
 */
export const FormField = ({
  control,
  name,
  toInput = value => (value as string | undefined) ?? '',
  fromInput = text => text,
  ...props
}: Omit<TextFieldProps, 'name' | 'value' | 'onChange'> & {
  control: FormControl;
  name: Name;
  toInput?: (value: unknown) => string;
  fromInput?: (text: string) => unknown;
}) => (
  <Controller
    control={control}
    name={name}
    render={({ field, fieldState }) => (
      <TextField
        {...props}
        inputRef={field.ref}
        value={toInput(field.value)}
        onBlur={field.onBlur}
        onChange={e => field.onChange(fromInput(e.target.value))}
        error={Boolean(fieldState.error)}
        helperText={errorMessage(fieldState.error) ?? props.helperText}
      />
    )}
  />
);

/** A text field bound to the form. */
export const FormTextField = FormField;

// <input type="datetime-local"> speaks local time without a zone; the
// record keeps UTC.
export const toLocal = (iso?: string) => {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(
    d.getMonth() + 1,
  )}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
export const fromLocal = (value: string) =>
  value ? new Date(value).toISOString() : '';

/** A time field bound to the form, in local time, stored as UTC. */
export const FormTimeField = (
  props: Omit<Parameters<typeof FormField>[0], 'toInput' | 'fromInput'>,
) => (
  <FormField
    {...props}
    type="datetime-local"
    InputLabelProps={{ shrink: true }}
    toInput={value => toLocal(value as string | undefined)}
    fromInput={fromLocal}
  />
);

const parseList = (text: string, separator: string) =>
  text
    .split(separator)
    .map(v => v.trim())
    .filter(Boolean);

// A list edited as text: comma-separated on one line, or one item per line.
// It keeps the text as typed (a trailing comma or an empty new line stays
// while typing) and hands the parsed list to the form.
const ListInput = ({
  label,
  values,
  onChange,
  onBlur,
  multiline,
  error,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  onBlur: () => void;
  multiline: boolean;
  error?: string;
}) => {
  const separator = multiline ? '\n' : ',';
  const join = (list: string[]) => list.join(multiline ? '\n' : ', ');
  const [text, setText] = useState(join(values));
  useEffect(() => {
    // Follow changes from outside (a reset), not the echo of our own edits.
    if (parseList(text, separator).join('\u0000') !== values.join('\u0000')) {
      setText(join(values));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values]);
  return (
    <TextField
      label={label}
      fullWidth
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      margin={multiline ? 'dense' : undefined}
      value={text}
      onBlur={onBlur}
      onChange={e => {
        setText(e.target.value);
        onChange(parseList(e.target.value, separator));
      }}
      error={Boolean(error)}
      helperText={error}
    />
  );
};

/** A list of strings bound to the form, typed as text. */
export const FormListField = ({
  control,
  name,
  label,
  multiline = false,
}: {
  control: FormControl;
  name: Name;
  label: string;
  multiline?: boolean;
}) => (
  <Controller
    control={control}
    name={name}
    render={({ field, fieldState }) => (
      <ListInput
        label={label}
        multiline={multiline}
        values={(field.value as string[] | undefined) ?? []}
        onChange={field.onChange}
        onBlur={field.onBlur}
        error={errorMessage(fieldState.error)}
      />
    )}
  />
);
