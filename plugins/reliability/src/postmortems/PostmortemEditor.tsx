import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import MuiTextField, { type TextFieldProps } from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import type {
  PostmortemActionItem,
  PostmortemContent,
  PostmortemMilestones,
  SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import { type ReactNode, useEffect, useState } from 'react';

/** An empty postmortem, optionally about one entity. */
export function emptyPostmortem(entityRef?: string): PostmortemContent {
  return {
    title: '',
    status: 'draft',
    authors: [],
    entityRefs: entityRef ? [entityRef] : [],
    alerts: [],
    runbooks: [],
    milestones: {},
    rootCauses: [],
    contributingFactors: [],
    lessons: { wentWell: [], wentWrong: [], gotLucky: [] },
    timeline: [],
    actionItems: [],
  };
}

/** Only the content fields: what the API takes back. */
export function contentOf(pm: PostmortemContent): PostmortemContent {
  const keys: (keyof PostmortemContent)[] = [
    'title',
    'status',
    'authors',
    'owner',
    'severity',
    'category',
    'entityRefs',
    'alerts',
    'runbooks',
    'milestones',
    'summary',
    'impact',
    'usersAffected',
    'slaBreached',
    'detection',
    'trigger',
    'rootCauses',
    'contributingFactors',
    'resolution',
    'lessons',
    'timeline',
    'actionItems',
    'incidentId',
  ];
  const content = Object.fromEntries(
    keys.filter(k => pm[k] !== undefined).map(k => [k, pm[k]]),
  ) as unknown as PostmortemContent;
  // New action items get their id from the server.
  content.actionItems = pm.actionItems.map(({ id, ...rest }) =>
    id ? { id, ...rest } : (rest as PostmortemActionItem),
  );
  return content;
}

const MILESTONES: (keyof PostmortemMilestones)[] = [
  'started',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
];

// <input type="datetime-local"> speaks local time without a zone; the
// record keeps UTC.
const toLocal = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(
    d.getMonth() + 1,
  )}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocal = (value: string) =>
  value ? new Date(value).toISOString() : undefined;

const optional = (value: string) => (value.trim() === '' ? undefined : value);

const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => (
  <Grid item xs={12}>
    <InfoCard title={title}>{children}</InfoCard>
  </Grid>
);

// A text field whose label is tied to its input (an id from the label, or
// the one given), so screen readers and tests find it by its label.
const TextField = (props: TextFieldProps) => (
  <MuiTextField
    id={
      props.id ??
      `pm-${String(props.label)
        .toLocaleLowerCase('en-US')
        .replace(/[^a-z0-9]+/g, '-')}`
    }
    {...props}
  />
);

// A list edited as text: comma-separated on one line, or one item per line.
// It keeps the text as typed (a trailing comma or an empty new line stays
// while typing) and hands the parsed list up.
const ListField = ({
  label,
  values,
  onChange,
  multiline = false,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  multiline?: boolean;
}) => {
  const separator = multiline ? '\n' : ',';
  const parse = (text: string) =>
    text
      .split(separator)
      .map(v => v.trim())
      .filter(Boolean);
  const [text, setText] = useState(values.join(multiline ? '\n' : ', '));
  useEffect(() => {
    // Follow changes from outside (a reload), not the echo of our own edits.
    if (parse(text).join('\u0000') !== values.join('\u0000')) {
      setText(values.join(multiline ? '\n' : ', '));
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
      onChange={e => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
};

/** The postmortem form: every field of the record, the timeline and the action items. */
export const PostmortemEditor = ({
  value,
  onChange,
  severities,
}: {
  value: PostmortemContent;
  onChange: (next: PostmortemContent) => void;
  severities: SeverityLevel[];
}) => {
  const set = <K extends keyof PostmortemContent>(
    key: K,
    v: PostmortemContent[K],
  ) => onChange({ ...value, [key]: v });
  const field = (
    key: 'summary' | 'impact' | 'detection' | 'trigger' | 'resolution',
    label: string,
  ) => (
    <TextField
      label={label}
      fullWidth
      multiline
      minRows={2}
      margin="dense"
      value={value[key] ?? ''}
      onChange={e => set(key, optional(e.target.value))}
    />
  );
  const setItem = (index: number, patch: Partial<PostmortemActionItem>) =>
    set(
      'actionItems',
      value.actionItems.map((item, i) =>
        i === index ? { ...item, ...patch } : item,
      ),
    );

  return (
    <Grid container spacing={2}>
      <Section title="The incident">
        <Grid container spacing={2}>
          <Grid item xs={12} md={6}>
            <TextField
              label="Title"
              required
              fullWidth
              value={value.title}
              onChange={e => set('title', e.target.value)}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              select
              label="Severity"
              fullWidth
              value={value.severity ?? ''}
              onChange={e => set('severity', optional(e.target.value))}
            >
              <MenuItem value="">None</MenuItem>
              {severities.map(s => (
                <MenuItem key={s.id} value={s.id}>
                  {s.id} · {s.label}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              label="Category"
              fullWidth
              value={value.category ?? ''}
              onChange={e => set('category', optional(e.target.value))}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <ListField
              label="Affected entities (comma-separated refs)"
              values={value.entityRefs}
              onChange={v => set('entityRefs', v)}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              label="Owner (user or group ref)"
              fullWidth
              value={value.owner ?? ''}
              onChange={e => set('owner', optional(e.target.value))}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <ListField
              label="Authors (comma-separated)"
              values={value.authors}
              onChange={v => set('authors', v)}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <ListField
              label="Alerts that fired (comma-separated)"
              values={value.alerts}
              onChange={v => set('alerts', v)}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <ListField
              label="Runbooks used (namespace/name, comma-separated)"
              values={value.runbooks}
              onChange={v => set('runbooks', v)}
            />
          </Grid>
        </Grid>
      </Section>

      <Section title="Milestones">
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          {MILESTONES.map(m => (
            <TextField
              key={m}
              label={m[0].toUpperCase() + m.slice(1)}
              type="datetime-local"
              InputLabelProps={{ shrink: true }}
              value={toLocal(value.milestones[m])}
              onChange={e =>
                set('milestones', {
                  ...value.milestones,
                  [m]: fromLocal(e.target.value),
                })
              }
            />
          ))}
        </Box>
      </Section>

      <Section title="What happened">
        {field('summary', 'Summary')}
        {field('impact', 'Impact')}
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <TextField
            label="Users affected"
            type="number"
            margin="dense"
            value={value.usersAffected ?? ''}
            onChange={e =>
              set(
                'usersAffected',
                e.target.value === ''
                  ? undefined
                  : Math.max(0, Math.round(Number(e.target.value))),
              )
            }
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={Boolean(value.slaBreached)}
                onChange={e => set('slaBreached', e.target.checked)}
              />
            }
            label="SLA breached"
          />
        </Box>
        {field('detection', 'Detection')}
        {field('trigger', 'Trigger')}
        {field('resolution', 'Resolution')}
        <ListField
          multiline
          label="Root causes (one per line)"
          values={value.rootCauses}
          onChange={v => set('rootCauses', v)}
        />
        <ListField
          multiline
          label="Contributing factors (one per line)"
          values={value.contributingFactors}
          onChange={v => set('contributingFactors', v)}
        />
      </Section>

      <Section title="Lessons">
        {(
          [
            ['wentWell', 'What went well'],
            ['wentWrong', 'What went wrong'],
            ['gotLucky', 'Where we got lucky'],
          ] as const
        ).map(([key, label]) => (
          <ListField
            key={key}
            multiline
            label={`${label} (one per line)`}
            values={value.lessons[key]}
            onChange={v => set('lessons', { ...value.lessons, [key]: v })}
          />
        ))}
      </Section>

      <Section title="Timeline">
        {value.timeline.map((entry, i) => (
          <Box key={i} display="flex" alignItems="center" style={{ gap: 8 }}>
            <TextField
              id={`pm-timeline-${i}-at`}
              type="datetime-local"
              label="At"
              InputLabelProps={{ shrink: true }}
              value={toLocal(entry.at)}
              onChange={e =>
                set(
                  'timeline',
                  value.timeline.map((t, j) =>
                    j === i
                      ? { ...t, at: fromLocal(e.target.value) ?? t.at }
                      : t,
                  ),
                )
              }
            />
            <TextField
              id={`pm-timeline-${i}-event`}
              label="Event"
              style={{ flexGrow: 1 }}
              value={entry.event}
              onChange={e =>
                set(
                  'timeline',
                  value.timeline.map((t, j) =>
                    j === i ? { ...t, event: e.target.value } : t,
                  ),
                )
              }
            />
            <TextField
              id={`pm-timeline-${i}-link`}
              label="Link"
              value={entry.link ?? ''}
              onChange={e =>
                set(
                  'timeline',
                  value.timeline.map((t, j) =>
                    j === i ? { ...t, link: optional(e.target.value) } : t,
                  ),
                )
              }
            />
            <IconButton
              aria-label={`Remove timeline entry ${i + 1}`}
              onClick={() =>
                set(
                  'timeline',
                  value.timeline.filter((_, j) => j !== i),
                )
              }
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        ))}
        <Button
          size="small"
          onClick={() =>
            set('timeline', [
              ...value.timeline,
              { at: new Date().toISOString(), event: '' },
            ])
          }
        >
          Add timeline entry
        </Button>
      </Section>

      <Section title="Action items">
        {value.actionItems.map((item, i) => (
          <Box
            key={item.id || i}
            mb={1}
            display="flex"
            flexWrap="wrap"
            alignItems="center"
            style={{ gap: 8 }}
          >
            <TextField
              id={`pm-action-${i}-action-item`}
              label="Action item"
              style={{ minWidth: 260, flexGrow: 1 }}
              value={item.title}
              onChange={e => setItem(i, { title: e.target.value })}
            />
            <TextField
              select
              id={`pm-action-${i}-type`}
              label="Type"
              value={item.type}
              onChange={e =>
                setItem(i, {
                  type: e.target.value as PostmortemActionItem['type'],
                })
              }
            >
              {['prevent', 'mitigate', 'detect', 'process'].map(t => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              id={`pm-action-${i}-owner`}
              label="Owner"
              value={item.owner ?? ''}
              onChange={e => setItem(i, { owner: optional(e.target.value) })}
            />
            <TextField
              id={`pm-action-${i}-priority`}
              label="Priority"
              style={{ width: 90 }}
              value={item.priority ?? ''}
              onChange={e => setItem(i, { priority: optional(e.target.value) })}
            />
            <TextField
              select
              id={`pm-action-${i}-status`}
              label="Status"
              value={item.status}
              onChange={e =>
                setItem(i, {
                  status: e.target.value as PostmortemActionItem['status'],
                })
              }
            >
              {['open', 'in-progress', 'done', 'wont-do'].map(s => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              id={`pm-action-${i}-due`}
              label="Due"
              type="date"
              InputLabelProps={{ shrink: true }}
              value={item.dueDate ?? ''}
              onChange={e => setItem(i, { dueDate: optional(e.target.value) })}
            />
            <TextField
              id={`pm-action-${i}-tracker-url`}
              label="Tracker URL"
              value={item.trackerUrl ?? ''}
              onChange={e =>
                setItem(i, { trackerUrl: optional(e.target.value) })
              }
            />
            <TextField
              id={`pm-action-${i}-runbook-namespace-name`}
              label="Runbook (namespace/name)"
              value={item.runbook ?? ''}
              onChange={e => setItem(i, { runbook: optional(e.target.value) })}
            />
            <IconButton
              aria-label={`Remove action item ${i + 1}`}
              onClick={() =>
                set(
                  'actionItems',
                  value.actionItems.filter((_, j) => j !== i),
                )
              }
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        ))}
        <Button
          size="small"
          onClick={() =>
            set('actionItems', [
              ...value.actionItems,
              { id: '', title: '', type: 'prevent', status: 'open' },
            ])
          }
        >
          Add action item
        </Button>
        <Typography variant="caption" display="block" color="textSecondary">
          Action items that name a runbook show on that runbook's page while
          they are open.
        </Typography>
      </Section>
    </Grid>
  );
};
