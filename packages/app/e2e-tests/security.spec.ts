import { type APIRequestContext, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { BACKEND, guestToken } from './session';

// Security by enumeration, second half: every write of the OpenAPI document
// against the running demo — its real permission policy, its catalog and
// its static tokens — with a table of who asks about what and the answer
// each must get. The guest (a member of the platform team) owns the
// platform's services and not the SRE team's Vault; each machine token may
// do its one job, for its own team's entities.

const API = `${BACKEND}/api/reliability`;
const doc = parse(
  readFileSync(
    resolve(
      __dirname,
      '../../../plugins/reliability-backend/src/schema/openapi.yaml',
    ),
    'utf8',
  ),
) as { paths: Record<string, Record<string, { operationId: string }>> };
const WRITES = Object.values(doc.paths).flatMap(item =>
  (['post', 'put', 'patch', 'delete'] as const)
    .filter(m => item[m])
    .map(m => item[m].operationId),
);

const TOKENS = {
  anonymous: undefined,
  alertmanager: 'demo-alertmanager-token',
  reporter: 'demo-backup-reporter-token', // the platform team's
  sreReporter: 'demo-sre-backup-token',
  importer: 'demo-import-token',
} as const;
type Caller = keyof typeof TOKENS | 'guest';

const ago = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();
const run = Date.now().toString(36);

interface Fixtures {
  /** Declared by the guest on the platform's API: the guest leads it. */
  own: { id: string; version: number; eventId: number };
  /** Imported on the SRE team's Vault, led by one of them. */
  foreign: { id: string; version: number; eventId: number; postmortem: string };
  /** Written by the guest, owned by the platform team. */
  postmortem: { id: string; version: number };
  /** Open and led by nobody yet: on the platform's API, and on Vault. */
  unled: { own: string; foreign: string };
  /** Open recovery violations: of the platform's PostgreSQL, of Vault. */
  violation: { own: number; foreign: number };
}

type Case = {
  as: Caller;
  expect: 'ok' | 'refused' | 401;
  request: (f: Fixtures) => {
    method: 'post' | 'put' | 'patch' | 'delete';
    path: string;
    data?: unknown;
  };
};

const drill = (entityRef: string, id: string, failed = false) => ({
  method: 'post' as const,
  path: '/backups/events',
  data: {
    events: [
      {
        id: `perm-${run}-${id}`,
        type: 'drill',
        entityRef,
        ...(failed
          ? { startedAt: ago(1), finishedAt: ago(0), result: 'failure' }
          : {
              startedAt: ago(10),
              finishedAt: ago(5),
              result: 'success',
              restoreSeconds: 60,
              dataVerified: true,
            }),
      },
    ],
  },
});
const resticImport = (entityRef: string) => ({
  method: 'post' as const,
  path: `/backups/import/restic?entityRef=${entityRef}`,
  data: [],
});
const incidentImport = (id: string) => ({
  method: 'post' as const,
  path: '/incidents/import',
  data: {
    externalId: `perm:${run}:${id}`,
    title: `Imported by a test (${id})`,
    severity: 'P3',
    status: 'resolved',
    entityRefs: ['resource:insights-vault'],
    milestones: { started: ago(120), resolved: ago(60) },
  },
});
const alert = (fingerprint: string) => ({
  method: 'post' as const,
  path: '/webhooks/alertmanager',
  data: {
    version: '4',
    groupKey: `{}:{alertname="PermissionCheck${fingerprint}"}`,
    status: 'resolved',
    receiver: 'backstage',
    alerts: [
      {
        status: 'resolved',
        labels: { alertname: `PermissionCheck${fingerprint}` },
        startsAt: ago(5),
        endsAt: ago(1),
        fingerprint,
      },
    ],
  },
});
const machines = (build: Case['request'], except: Caller[] = []): Case[] =>
  (['alertmanager', 'reporter', 'sreReporter', 'importer'] as const)
    .filter(m => !except.includes(m))
    .map(as => ({ as, expect: 'refused' as const, request: build }));

const VAULT = 'resource:default/insights-vault';
// The platform team's (stateless: a report changes no recovery state the
// other tests read).
const PLATFORM = 'resource:default/insights-redis';
const OBJECT_STORE = 'resource:default/insights-object-store';
const POSTGRES = 'resource:default/insights-postgres';

const TABLE: Record<string, Case[]> = {
  refreshEntityRunbooks: [
    ...[
      ['guest', 'ok', 'component:default/insights-api'],
      ['guest', 'refused', 'component:default/reliability-portal'],
    ].map(([as, e, entityRef]) => ({
      as: as as Caller,
      expect: e as 'ok',
      request: () => ({
        method: 'post' as const,
        path: '/runbooks/refresh',
        data: { entityRef },
      }),
    })),
    ...machines(() => ({
      method: 'post',
      path: '/runbooks/refresh',
      data: { entityRef: 'component:default/insights-api' },
    })),
  ],
  reportBackupEvents: [
    { as: 'guest', expect: 'ok', request: () => drill(PLATFORM, 'guest-pg') },
    {
      as: 'guest',
      expect: 'refused',
      request: () => drill(VAULT, 'guest-vault'),
    },
    { as: 'reporter', expect: 'ok', request: () => drill(PLATFORM, 'rep-pg') },
    {
      as: 'reporter',
      expect: 'refused',
      request: () => drill(VAULT, 'rep-vault'),
    },
    {
      as: 'sreReporter',
      expect: 'ok',
      request: () => drill(VAULT, 'sre-vault'),
    },
    {
      as: 'sreReporter',
      expect: 'refused',
      request: () => drill(PLATFORM, 'sre-pg'),
    },
    {
      as: 'alertmanager',
      expect: 'refused',
      request: () => drill(PLATFORM, 'am-pg'),
    },
    {
      as: 'importer',
      expect: 'refused',
      request: () => drill(PLATFORM, 'imp-pg'),
    },
  ],
  importBackupToolOutput: [
    { as: 'guest', expect: 'ok', request: () => resticImport(OBJECT_STORE) },
    { as: 'guest', expect: 'refused', request: () => resticImport(VAULT) },
    { as: 'reporter', expect: 'ok', request: () => resticImport(OBJECT_STORE) },
    {
      as: 'sreReporter',
      expect: 'refused',
      request: () => resticImport(OBJECT_STORE),
    },
    ...machines(() => resticImport(OBJECT_STORE), ['reporter', 'sreReporter']),
  ],
  createPostmortem: [
    {
      as: 'guest',
      expect: 'ok',
      request: () => ({
        method: 'post',
        path: '/postmortems',
        data: { title: `Permission check ${run}` },
      }),
    },
    ...machines(() => ({
      method: 'post',
      path: '/postmortems',
      data: { title: 'By a machine' },
    })),
  ],
  updatePostmortem: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'put',
        path: `/postmortems/${f.postmortem.id}`,
        data: {
          version: f.postmortem.version,
          title: 'Renamed by its author',
          owner: 'platform-team',
        },
      }),
    },
    {
      as: 'guest',
      expect: 'refused',
      request: f => ({
        method: 'put',
        path: `/postmortems/${f.foreign.postmortem}`,
        data: { version: 1, title: 'Renamed by a stranger' },
      }),
    },
    ...machines(f => ({
      method: 'put',
      path: `/postmortems/${f.postmortem.id}`,
      data: { version: 1, title: 'By a machine' },
    })),
  ],
  deletePostmortem: [
    {
      as: 'guest',
      expect: 'refused',
      request: f => ({
        method: 'delete',
        path: `/postmortems/${f.foreign.postmortem}`,
      }),
    },
    ...machines(f => ({
      method: 'delete',
      path: `/postmortems/${f.postmortem.id}`,
    })),
    // Last: the guest's own team owns it.
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'delete',
        path: `/postmortems/${f.postmortem.id}`,
      }),
    },
  ],
  declareIncident: [
    {
      as: 'guest',
      expect: 'ok',
      request: () => ({
        method: 'post',
        path: '/incidents',
        data: { title: `Declared by a test ${run}`, severity: 'P4' },
      }),
    },
    ...machines(() => ({
      method: 'post',
      path: '/incidents',
      data: { title: 'By a machine', severity: 'P4' },
    })),
  ],
  importIncident: [
    { as: 'importer', expect: 'ok', request: () => incidentImport('importer') },
    { as: 'guest', expect: 'refused', request: () => incidentImport('guest') },
    ...machines(() => incidentImport('machine'), ['importer']),
  ],
  updateIncident: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'patch',
        path: `/incidents/${f.own.id}`,
        data: { version: f.own.version, title: 'Renamed by its commander' },
      }),
    },
    {
      as: 'guest',
      expect: 'refused',
      request: f => ({
        method: 'patch',
        path: `/incidents/${f.foreign.id}`,
        data: { version: f.foreign.version, entityRefs: [] },
      }),
    },
    ...machines(f => ({
      method: 'patch',
      path: `/incidents/${f.own.id}`,
      data: { version: 1, title: 'x' },
    })),
  ],
  assignIncidentRole: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.own.id}/roles`,
        data: { role: 'scribe', user: 'user:default/jonas.lindqvist' },
      }),
    },
    {
      as: 'guest',
      expect: 'refused',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.foreign.id}/roles`,
        data: { role: 'commander', user: 'user:default/guest' },
      }),
    },
    ...machines(f => ({
      method: 'post',
      path: `/incidents/${f.own.id}/roles`,
      data: { role: 'scribe', user: 'user:default/guest' },
    })),
    // Taking command of one nobody leads: its entities' owners (and the
    // SRE team), not everyone.
    {
      as: 'guest',
      expect: 'refused',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.unled.foreign}/roles`,
        data: { role: 'commander', user: 'user:default/guest' },
      }),
    },
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.unled.own}/roles`,
        data: { role: 'commander', user: 'user:default/guest' },
      }),
    },
  ],
  addIncidentNote: [
    // Working an incident is for anyone signed in.
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.foreign.id}/notes`,
        data: { text: 'Seen from the platform team' },
      }),
    },
    ...machines(f => ({
      method: 'post',
      path: `/incidents/${f.own.id}/notes`,
      data: { text: 'x' },
    })),
  ],
  addIncidentStatusUpdate: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.own.id}/status-updates`,
        data: { conditions: 'Fine', actions: 'Watching' },
      }),
    },
    ...machines(f => ({
      method: 'post',
      path: `/incidents/${f.own.id}/status-updates`,
      data: { conditions: 'x', actions: 'y' },
    })),
  ],
  tickIncidentStep: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'put',
        path: `/incidents/${f.own.id}/checklist`,
        data: {
          runbook: 'default/postgres-down',
          step: 'diagnosis[0]',
          done: true,
        },
      }),
    },
    ...machines(f => ({
      method: 'put',
      path: `/incidents/${f.own.id}/checklist`,
      data: {
        runbook: 'default/postgres-down',
        step: 'diagnosis[0]',
        done: false,
      },
    })),
  ],
  judgeIncidentAlert: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'put',
        path: `/incidents/${f.unled.own}/alerts/abc001/verdict`,
        data: { verdict: 'actionable' },
      }),
    },
    {
      // Any responder may help on any incident, as with notes.
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'put',
        path: `/incidents/${f.unled.foreign}/alerts/abc002/verdict`,
        data: { verdict: 'noise' },
      }),
    },
    ...machines(f => ({
      method: 'put',
      path: `/incidents/${f.unled.own}/alerts/abc001/verdict`,
      data: {},
    })),
  ],
  pinIncidentEvent: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'put',
        path: `/incidents/${f.own.id}/timeline/${f.own.eventId}/pin`,
        data: { pinned: true },
      }),
    },
    ...machines(f => ({
      method: 'put',
      path: `/incidents/${f.own.id}/timeline/${f.own.eventId}/pin`,
      data: { pinned: false },
    })),
  ],
  startIncidentPostmortem: [
    {
      as: 'guest',
      expect: 'refused',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.foreign.id}/postmortem`,
        data: {},
      }),
    },
    ...machines(f => ({
      method: 'post',
      path: `/incidents/${f.own.id}/postmortem`,
      data: {},
    })),
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'post',
        path: `/incidents/${f.own.id}/postmortem`,
        data: {},
      }),
    },
  ],
  acknowledgeRecoveryViolation: [
    {
      as: 'guest',
      expect: 'ok',
      request: f => ({
        method: 'post',
        path: `/recovery/violations/${f.violation.own}/acknowledge`,
        data: { reason: 'The restore target is being rebuilt' },
      }),
    },
    {
      as: 'guest',
      expect: 'refused',
      request: f => ({
        method: 'post',
        path: `/recovery/violations/${f.violation.foreign}/acknowledge`,
        data: { reason: 'Not mine to wave through' },
      }),
    },
    // A violation is acknowledged by a person, never by a token.
    ...machines(f => ({
      method: 'post',
      path: `/recovery/violations/${f.violation.own}/acknowledge`,
      data: { reason: 'By a machine' },
    })),
  ],
  receiveAlertmanagerWebhook: [
    { as: 'alertmanager', expect: 'ok', request: () => alert('a1') },
    { as: 'guest', expect: 'refused', request: () => alert('a2') },
    ...machines(() => alert('a3'), ['alertmanager']),
  ],
};

async function send(
  request: APIRequestContext,
  token: string | undefined,
  { method, path, data }: ReturnType<Case['request']>,
) {
  return request.fetch(`${API}${path}`, {
    method: method.toUpperCase(),
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    ...(data !== undefined ? { data } : {}),
  });
}

test.describe('who may write what, against the demo policy', () => {
  test('every write answers each caller as the table says', async ({
    request,
  }) => {
    // It waits for the scheduled evaluation to open two violations.
    test.setTimeout(300_000);
    const guest = await guestToken(request);
    const tokenOf = (as: Caller) =>
      as === 'guest' ? guest : TOKENS[as as keyof typeof TOKENS];

    // Every write of the document is in the table.
    expect(WRITES.filter(id => !TABLE[id]).sort()).toEqual([]);
    expect(Object.keys(TABLE).filter(id => !WRITES.includes(id))).toEqual([]);

    // The fixtures, written by those who may. The incident names a runbook:
    // on a backend just started, wait for the index to hold it.
    await expect
      .poll(
        async () =>
          (
            await request.get(`${API}/runbooks/default/postgres-down`, {
              headers: { Authorization: `Bearer ${guest}` },
            })
          ).status(),
        { timeout: 60_000 },
      )
      .toBe(200);
    const declared = await send(request, guest, {
      method: 'post',
      path: '/incidents',
      data: {
        title: `Permission fixture ${run}`,
        severity: 'P4',
        entityRefs: ['component:insights-api'],
        runbooks: ['default/postgres-down'],
      },
    });
    expect(declared.status()).toBe(201);
    const own = await declared.json();
    const imported = await send(request, TOKENS.importer, {
      method: 'post',
      path: '/incidents/import',
      data: {
        externalId: `perm:${run}:foreign`,
        title: `Vault sealed (${run})`,
        severity: 'P2',
        status: 'mitigated',
        entityRefs: ['resource:insights-vault'],
        milestones: { started: ago(90), mitigated: ago(30) },
        roles: [
          { role: 'commander', user: 'lena.schmidt', assumedAt: ago(85) },
        ],
        postmortem: {
          title: `Vault sealed (${run})`,
          status: 'draft',
          authors: ['lena.schmidt'],
          owner: 'sre-team',
          entityRefs: ['resource:insights-vault'],
        },
      },
    });
    expect([imported.status(), await imported.text()]).toEqual([
      201,
      expect.any(String),
    ]);
    const foreign = await imported.json();
    // Imported: the record says so, and who imported it.
    expect(foreign.imported).toEqual({
      externalId: `perm:${run}:foreign`,
      by: 'incident-import',
    });
    const written = await send(request, guest, {
      method: 'post',
      path: '/postmortems',
      data: { title: `Permission fixture ${run}`, owner: 'platform-team' },
    });
    expect(written.status()).toBe(201);
    const postmortem = await written.json();
    const unled = async (name: string, entityRef: string) => {
      const answer = await send(request, TOKENS.importer, {
        method: 'post',
        path: '/incidents/import',
        data: {
          externalId: `perm:${run}:unled-${name}`,
          title: `Nobody leads it (${name}, ${run})`,
          severity: 'P3',
          status: 'open',
          entityRefs: [entityRef],
          milestones: { started: ago(15) },
          // An alert to judge (judgeIncidentAlert).
          alerts: [
            {
              fingerprint: name === 'own' ? 'abc001' : 'abc002',
              status: 'firing',
              labels: { alertname: `PermissionCheckUnled${run}` },
              startsAt: ago(15),
            },
          ],
        },
      });
      expect(answer.status()).toBe(201);
      const incident = await answer.json();
      expect(incident.commander).toBeUndefined();
      return incident.id as string;
    };
    // A failed restore drill of each, as their teams' tools report it: the
    // scheduled evaluation (every minute in the demo) opens a violation.
    expect(
      (
        await send(request, TOKENS.reporter, drill(POSTGRES, 'failed-pg', true))
      ).status(),
    ).toBe(200);
    expect(
      (
        await send(
          request,
          TOKENS.sreReporter,
          drill(VAULT, 'failed-vault', true),
        )
      ).status(),
    ).toBe(200);
    const openViolation = async (entityRef: string) => {
      const list = await request.get(
        `${API}/recovery/violations?entityRef=${encodeURIComponent(entityRef)}`,
        { headers: { Authorization: `Bearer ${guest}` } },
      );
      const { items } = await list.json();
      return items.find(
        (v: any) => v.type === 'drill-failed' && v.entityRef === entityRef,
      )?.id as number | undefined;
    };
    await expect
      .poll(
        async () =>
          Boolean(
            (await openViolation(POSTGRES)) && (await openViolation(VAULT)),
          ),
        { timeout: 120_000, intervals: [5_000] },
      )
      .toBe(true);
    const fixtures: Fixtures = {
      own: { id: own.id, version: own.version, eventId: own.timeline[0].id },
      foreign: {
        id: foreign.id,
        version: foreign.version,
        eventId: foreign.timeline[0]?.id ?? 1,
        postmortem: foreign.postmortemId,
      },
      postmortem: { id: postmortem.id, version: postmortem.version },
      unled: {
        own: await unled('own', 'component:insights-api'),
        foreign: await unled('foreign', 'resource:insights-vault'),
      },
      violation: {
        own: (await openViolation(POSTGRES))!,
        foreign: (await openViolation(VAULT))!,
      },
    };

    const answers: string[] = [];
    const wanted: string[] = [];
    for (const [op, cases] of Object.entries(TABLE)) {
      // Nobody without a token gets past the door.
      const anonymous = await send(
        request,
        undefined,
        cases[0].request(fixtures),
      );
      answers.push(`${op} anonymous ${anonymous.status()}`);
      wanted.push(`${op} anonymous 401`);
      for (const c of cases) {
        const answer = await send(request, tokenOf(c.as), c.request(fixtures));
        const status = answer.status();
        let got = String(status);
        if (status < 300) got = 'ok';
        else if ([401, 403].includes(status)) got = 'refused';
        answers.push(
          `${op} ${c.as} ${got}${
            got === 'ok' || got === 'refused' ? '' : ` ${await answer.text()}`
          }`,
        );
        wanted.push(`${op} ${c.as} ${c.expect}`);
      }
    }
    expect(answers).toEqual(wanted);
  });

  test("the review's three probes are refused, and nothing is stored", async ({
    request,
  }) => {
    const guest = await guestToken(request);
    // 1. The backup reporter's token imports a P1 in someone's name.
    const probe = await send(request, TOKENS.reporter, {
      method: 'post',
      path: '/incidents/import',
      data: {
        externalId: `probe:${run}`,
        title: 'Forged P1',
        severity: 'P1',
        status: 'resolved',
        milestones: { started: ago(60), resolved: ago(30) },
        roles: [
          { role: 'commander', user: 'amara.okafor', assumedAt: ago(59) },
        ],
        postmortem: {
          title: 'Forged',
          status: 'published',
          authors: ['amara.okafor'],
        },
      },
    });
    expect(probe.status()).toBe(403);
    const incidents = await (
      await request.get(`${API}/incidents?severity=P1&limit=500`, {
        headers: { Authorization: `Bearer ${guest}` },
      })
    ).json();
    expect(incidents.items.map((i: any) => i.title)).not.toContain('Forged P1');

    // 2. The guest reports a verified drill of the SRE team's Vault.
    const drillId = `vault-drill-${run}`;
    const forged = await send(request, guest, {
      method: 'post',
      path: '/backups/events',
      data: {
        events: [
          {
            id: drillId,
            type: 'drill',
            entityRef: VAULT,
            startedAt: ago(10),
            finishedAt: ago(5),
            result: 'success',
            restoreSeconds: 60,
            dataVerified: true,
          },
        ],
      },
    });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.message).toBe(
      `You may not report backups of ${VAULT}`,
    );
    // The real report with the same id is the SRE team's, and stored.
    const real = await send(request, TOKENS.sreReporter, {
      method: 'post',
      path: '/backups/events',
      data: {
        events: [
          {
            id: drillId,
            type: 'drill',
            entityRef: VAULT,
            startedAt: ago(10),
            finishedAt: ago(5),
            result: 'success',
            restoreSeconds: 60,
            dataVerified: true,
          },
        ],
      },
    });
    expect(await real.json()).toEqual({ accepted: 1, duplicates: 0 });

    // 3. A machine token reads nothing.
    const read = await request.get(`${API}/incidents`, {
      headers: { Authorization: `Bearer ${TOKENS.reporter}` },
    });
    expect(read.status()).toBe(403);
  });
});
