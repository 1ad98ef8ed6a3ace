import type {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  postmortemListQuerySchema,
  type PostmortemContent,
  reliabilityPostmortemCreatePermission,
  reliabilityPostmortemDeletePermission,
  reliabilityPostmortemPublishPermission,
  reliabilityPostmortemUpdatePermission,
} from '@reliability-suite/plugin-reliability-common';
import type { SpecRouter } from '../schema/openapi/generated/router';
import { requirePermission } from '../auth/authorize';
import { ownersOf } from '../entities/linkedOwners';
import { listPage } from '../paging';
import { entityRefParam, queryParams } from '../service/params';
import type { PostmortemStore } from './PostmortemStore';
import { parsePostmortemContent } from './validation';
import { readerCredentials, type ApiRequest } from '../auth/credentials';
import type { CatalogVisibility } from '../auth/visibility';

export interface PostmortemRoutesOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  store: PostmortemStore;
  severities: string[];
  visibility: CatalogVisibility;
  /** After a postmortem is deleted: whatever pointed at it lets go. */
  onDeleted?: (postmortemId: string, actor: string) => Promise<void>;
}

const ID = /^[0-9a-f-]{36}$/;
/** The largest page of `GET /postmortems`, as openapi.yaml says. */
export const MAX_POSTMORTEM_PAGE = 100;

/** The postmortem API: list, read, create, update (versioned), delete, audit, action items. */
export function registerPostmortemRoutes(
  router: SpecRouter,
  options: PostmortemRoutesOptions,
) {
  const {
    httpAuth,
    auth,
    permissions,
    catalog,
    store,
    severities,
    visibility,
  } = options;

  const reader = (req: ApiRequest) => readerCredentials(httpAuth, req);
  const writer = (req: ApiRequest) =>
    httpAuth.credentials(req, { allow: ['user'] });

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
  ) {
    await requirePermission(
      permissions,
      credentials,
      permission,
      `You may not ${permission.name.split('.').pop()} this postmortem`,
      resourceRef,
    );
  }

  // The owners of the entities a postmortem concerns, from the catalog, so
  // that "owners of a linked entity" rules can be decided later.
  const linkedOwners = (entityRefs: string[]) =>
    ownersOf(catalog, auth, entityRefs);

  // Refs the catalog does not know are refused with their field named.
  // Refs the record already held, and the caller's own ref (a guest is no
  // catalog entity), are not checked again.
  async function checkRefsKnown(
    content: PostmortemContent,
    known: string[],
    credentials: BackstageCredentials,
  ): Promise<void> {
    const fields: Array<[string, string]> = [
      ...content.entityRefs.map(
        (r, i) => [`entityRefs[${i}]`, r] as [string, string],
      ),
      ...content.authors.map(
        (r, i) => [`authors[${i}]`, r] as [string, string],
      ),
      ...(content.owner ? [['owner', content.owner] as [string, string]] : []),
    ].filter(([, ref]) => !known.includes(ref));
    if (fields.length === 0) return;
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: fields.map(([, ref]) => ref),
        fields: ['kind', 'metadata.name'],
      },
      // The caller's own credentials: what it may not read, it cannot
      // learn about either.
      { credentials },
    );
    const unknown = fields.filter((_, i) => !items[i]);
    if (unknown.length > 0) {
      throw new InputError(
        `Invalid postmortem: ${unknown
          .map(([field, ref]) => `${field} ${ref} is not in the catalog`)
          .join('; ')}`,
      );
    }
  }

  function getId(req: ApiRequest): string {
    const { id } = req.params;
    if (!ID.test(id))
      throw new InputError(`${JSON.stringify(id)} is not a postmortem id`);
    return id;
  }

  const publicView = <T extends { linkedOwners?: string[] }>(pm: T) => {
    const { linkedOwners: _, ...rest } = pm;
    return rest;
  };

  router.get('/postmortems', async (req, res) => {
    const credentials = await reader(req);
    const q = queryParams(postmortemListQuerySchema, req.query);
    const filter = {
      ...q,
      entityRef: q.entityRef ? entityRefParam(q.entityRef) : undefined,
      owner: q.owner ? entityRefParam(q.owner, 'owner') : undefined,
      hiddenEntityRefs: await visibility.hiddenAmong(credentials, () =>
        store.entityRefsInUse(),
      ),
    };
    // Each postmortem comes whole: a page holds at most 100.
    res.json(await listPage(store, filter, req.query, MAX_POSTMORTEM_PAGE));
  });

  router.get('/postmortems/action-items', async (req, res) => {
    const credentials = await reader(req);
    const runbook =
      typeof req.query.runbook === 'string' ? req.query.runbook : undefined;
    if (runbook && !/^[a-z0-9-]{1,63}\/[a-z0-9-]{1,63}$/.test(runbook)) {
      throw new InputError('runbook must be namespace/name');
    }
    const filter = {
      status: req.query.status === 'all' ? undefined : ('open' as const),
      runbook,
      // A hidden postmortem's items are hidden with it.
      hiddenEntityRefs: await visibility.hiddenAmong(credentials, () =>
        store.entityRefsInUse(),
      ),
    };
    res.json(
      await listPage(
        {
          list: f => store.actionItems(f),
          count: f => store.countActionItems(f),
        },
        filter,
        req.query,
      ),
    );
  });

  router.get('/postmortems/:id', async (req, res) => {
    const credentials = await reader(req);
    const id = getId(req);
    res.json(
      publicView(
        await visibility.readable(
          credentials,
          await store.get(id),
          `postmortem ${id}`,
        ),
      ),
    );
  });

  router.get('/postmortems/:id/audit', async (req, res) => {
    const credentials = await reader(req);
    const id = getId(req);
    // A deleted postmortem's audit stays readable; a hidden one's is not.
    const pm = await store.get(id);
    if (pm) await visibility.readable(credentials, pm, `postmortem ${id}`);
    res.json({ items: await store.audit(id) });
  });

  router.post('/postmortems', async (req, res) => {
    const credentials = await writer(req);
    await authorize(credentials, reliabilityPostmortemCreatePermission);
    const content = parsePostmortemContent(req.body, { severities });
    if (content.status === 'published') {
      throw new InputError(
        'status: create the postmortem as a draft, then publish it',
      );
    }
    const actor = (credentials as BackstageCredentials<BackstageUserPrincipal>)
      .principal.userEntityRef;
    await checkRefsKnown(content, [actor], credentials);
    if (content.authors.length === 0) content.authors = [actor];
    const created = await store.create(content, {
      actor,
      linkedOwners: await linkedOwners(content.entityRefs),
    });
    res.status(201).json(publicView(created));
  });

  router.put('/postmortems/:id', async (req, res) => {
    const credentials = await writer(req);
    const id = getId(req);
    // A client may send back the record it read: the fields the server
    // manages are ignored, the version is what the change is based on.
    const {
      version,
      id: _id,
      createdAt: _createdAt,
      createdBy: _createdBy,
      updatedAt: _updatedAt,
      updatedBy: _updatedBy,
      publishedAt: _publishedAt,
      timeToDetectMinutes: _ttd,
      timeToResolveMinutes: _ttr,
      ...body
    } = (req.body ?? {}) as Record<string, unknown>;
    if (
      typeof version !== 'number' ||
      !Number.isInteger(version) ||
      version < 1
    ) {
      throw new InputError(
        'version is required: the version of the postmortem this change is based on',
      );
    }
    const current = await store.get(id);
    if (!current) throw new NotFoundError(`No postmortem ${id}`);
    if (current.version !== version) {
      throw new ConflictError(
        `Postmortem ${id} is at version ${current.version}, not ${version}: someone else changed it. Reload, re-apply your change and save again.`,
      );
    }
    await authorize(credentials, reliabilityPostmortemUpdatePermission, id);
    const content = parsePostmortemContent(body, { severities });
    // Publishing, and changing who owns the postmortem or which entities it
    // concerns (which decides who may publish and delete it), are for those
    // the policy lets publish.
    const sameList = (a: string[], b: string[]) =>
      [...a].sort().join('\n') === [...b].sort().join('\n');
    if (
      (content.status === 'published') !== (current.status === 'published') ||
      (content.owner ?? '') !== (current.owner ?? '') ||
      !sameList(content.entityRefs, current.entityRefs)
    ) {
      await authorize(credentials, reliabilityPostmortemPublishPermission, id);
    }
    const actor = (credentials as BackstageCredentials<BackstageUserPrincipal>)
      .principal.userEntityRef;
    await checkRefsKnown(
      content,
      [
        actor,
        ...current.entityRefs,
        ...current.authors,
        ...(current.owner ? [current.owner] : []),
      ],
      credentials,
    );
    const updated = await store.update(id, version, content, {
      actor,
      linkedOwners: await linkedOwners(content.entityRefs),
    });
    res.json(publicView(updated));
  });

  router.delete('/postmortems/:id', async (req, res) => {
    const credentials = await writer(req);
    const id = getId(req);
    if (!(await store.get(id))) throw new NotFoundError(`No postmortem ${id}`);
    await authorize(credentials, reliabilityPostmortemDeletePermission, id);
    const actor = (credentials as BackstageCredentials<BackstageUserPrincipal>)
      .principal.userEntityRef;
    await store.delete(id, { actor });
    await options.onDeleted?.(id, actor);
    res.status(204).end();
  });
}
