import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';

type Option = { ref: string; title: string; short: string };

function optionOf(entity: Entity): Option {
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const profile = (entity.spec as { profile?: { displayName?: string } })
    ?.profile;
  return {
    ref,
    title:
      entity.metadata.title ?? profile?.displayName ?? entity.metadata.name,
    short: humanizeEntityRef(entity),
  };
}

/**
 * A catalog entity chosen by its title, as the catalog's own filters choose
 * one: the options are the catalog's entities of `kinds` that the user may
 * read, each shown with its title and short ref; the value is the full ref.
 * A ref the catalog does not list (a shared link to an entity since gone)
 * is still shown, as its ref.
 */
export const EntityRefPicker = (props: {
  id: string;
  label: string;
  kinds: string[];
  value?: string;
  onChange: (ref: string) => void;
}) => {
  const { id, label, kinds, value, onChange } = props;
  const catalog = useApi(catalogApiRef);
  const { value: options = [], loading } = useAsync(async () => {
    const { items } = await catalog.getEntities({
      filter: { kind: kinds },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items.map(optionOf).sort((a, b) => a.title.localeCompare(b.title));
  }, [catalog, kinds.join(',')]);
  const wanted = value?.toLocaleLowerCase('en-US');
  const selected = wanted
    ? options.find(o => o.ref === wanted) ?? {
        ref: wanted,
        title: wanted,
        short: wanted,
      }
    : null;
  return (
    <Autocomplete<Option>
      id={id}
      style={{ minWidth: 240 }}
      options={options}
      loading={loading}
      value={selected}
      getOptionLabel={o => o.title}
      getOptionSelected={(o, v) => o.ref === v.ref}
      onChange={(_, chosen) => onChange(chosen?.ref ?? '')}
      renderOption={o => (
        <div>
          <Typography variant="body2">{o.title}</Typography>
          <Typography variant="caption" color="textSecondary">
            {o.short}
          </Typography>
        </div>
      )}
      renderInput={params => (
        <TextField {...params} label={label} placeholder="Any" />
      )}
    />
  );
};
