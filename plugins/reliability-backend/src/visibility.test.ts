import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startRecoveryBackend } from './__testUtils__/recoveryBackend';

const databases = TestDatabases.create();
jest.setTimeout(60_000);

const runbook = (name: string, entityRef: string, alertName: string) => `
apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: ${name} }
spec:
  entityRefs: [${entityRef}]
  severity: P2
  triggers: [{ alertName: ${alertName} }]
  steps: [{ run: echo ${name} }]
`;

const alice = mockCredentials.user.header('user:default/alice');
// The catalog's policy hides the web app from Bob.
const bob = mockCredentials.user.header('user:default/bob');
const WEB = 'component:default/insights-web';
const API = 'component:default/insights-api';

describe.each(databases.eachSupportedId())(
  'reads follow the catalog on %s',
  databaseId => {
    it('serves nobody a record of an entity the catalog hides from them, and answers for a hidden entity as for an unknown one', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        hide: { user: 'user:default/bob', entityRefs: [WEB] },
        files: {
          'web-down.yaml': runbook('web-down', WEB, 'SiteDown'),
          'api-down.yaml': runbook('api-down', API, 'SiteDown'),
          'web-plan.yaml': `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: web-data }
spec:
  components:
    - { name: assets, entityRef: '${WEB}', stateless: built from Git }
`,
        },
      });
      const web = await backend.post(
        '/incidents',
        { title: 'The web app is blank', severity: 'P2', entityRefs: [WEB] },
        alice,
      );
      const api = await backend.post(
        '/incidents',
        { title: 'The API is slow', severity: 'P3', entityRefs: [API] },
        alice,
      );
      expect([web.status, api.status]).toEqual([201, 201]);
      const pm = await backend.post(
        '/postmortems',
        {
          title: 'Blank web app',
          entityRefs: [WEB],
          actionItems: [{ title: 'Serve a static fallback', type: 'mitigate' }],
        },
        alice,
      );
      expect(pm.status).toBe(201);
      // The web incident (a P2) is resolved without a postmortem: it is due.
      expect(
        (
          await backend.patch(
            `/incidents/${web.body.id}`,
            { version: web.body.version, status: 'resolved' },
            alice,
          )
        ).status,
      ).toBe(200);

      const refsOf = async (path: string, token: string) =>
        (await backend.get(path, token)).body.items.map(
          (i: any) => i.reference ?? i.title ?? i.name,
        );
      // Alice sees everything.
      expect(await refsOf('/incidents', alice)).toEqual(['INC-2', 'INC-1']);
      expect(await refsOf('/postmortems', alice)).toEqual(['Blank web app']);
      expect(
        (await refsOf('/runbooks/by-alert/SiteDown', alice)).sort(),
      ).toEqual(['api-down', 'web-down']);

      // Bob sees what names the API only.
      const incidents = (await backend.get('/incidents', bob)).body;
      expect(incidents.items.map((i: any) => i.reference)).toEqual(['INC-2']);
      expect(incidents.totalCount).toBe(1);
      expect((await backend.get(`/incidents/${web.body.id}`, bob)).status).toBe(
        404,
      );
      // Nor with the tag of Alice's copy: a hidden incident is no 304.
      const tag = (await backend.get(`/incidents/${web.body.id}`, alice))
        .headers.etag;
      expect(
        (
          await backend
            .get(`/incidents/${web.body.id}`, bob)
            .set('If-None-Match', tag)
        ).status,
      ).toBe(404);
      expect((await backend.get(`/incidents/${api.body.id}`, bob)).status).toBe(
        200,
      );
      expect(await refsOf('/postmortems', bob)).toEqual([]);
      expect(
        (await backend.get(`/postmortems/${pm.body.id}`, bob)).status,
      ).toBe(404);
      expect(
        (await backend.get(`/postmortems/${pm.body.id}/audit`, bob)).status,
      ).toBe(404);
      expect(await refsOf('/runbooks/by-alert/SiteDown', bob)).toEqual([
        'api-down',
      ]);
      expect(
        (await backend.get('/runbooks/default/web-down', bob)).status,
      ).toBe(404);
      // Pages and counts are of what the caller may see.
      const full = {
        alice: (await backend.get('/runbooks?view=full', alice)).body,
        bob: (await backend.get('/runbooks?view=full', bob)).body,
      };
      expect(full.bob.items.map((r: any) => r.name)).not.toContain('web-down');
      expect(full.alice.items.map((r: any) => r.name)).toContain('web-down');
      expect(full.bob.totalCount).toBe(full.bob.items.length);
      expect(full.alice.totalCount).toBe(full.bob.totalCount + 1);
      const items = {
        alice: (await backend.get('/postmortems/action-items', alice)).body,
        bob: (await backend.get('/postmortems/action-items', bob)).body,
      };
      expect(items.alice.items.map((i: any) => i.title)).toEqual([
        'Serve a static fallback',
      ]);
      expect(items.bob).toEqual({ items: [], totalCount: 0 });
      expect(
        (await backend.get('/incidents/postmortems-due', alice)).body.items,
      ).toEqual([expect.objectContaining({ reference: 'INC-1' })]);
      expect(
        (await backend.get('/incidents/postmortems-due', bob)).body.items,
      ).toEqual([]);
      expect(
        (await backend.get('/incidents/metrics', alice)).body.incidents,
      ).toBe(2);
      expect(
        (await backend.get('/incidents/metrics', bob)).body.incidents,
      ).toBe(1);

      expect(
        (await backend.get('/recovery-plans/default/web-data', alice)).status,
      ).toBe(200);
      expect(
        (await backend.get('/recovery-plans/default/web-data', bob)).status,
      ).toBe(404);
      expect(
        (await backend.get('/recovery-plans/default/web-data/history', bob))
          .status,
      ).toBe(404);
      expect(
        (await backend.get('/recovery-plans/default/insights-data', bob))
          .status,
      ).toBe(200);

      // A hidden entity answers as an unknown one does.
      for (const path of [
        `/recovery-plans?entityRef=${WEB}`,
        `/incidents?entityRef=${WEB}`,
        `/postmortems?entityRef=${WEB}`,
        `/runbooks?entityRef=${WEB}`,
      ]) {
        const hidden = (await backend.get(path, bob)).body;
        const unknown = (
          await backend.get(
            path.replace(WEB, 'component:default/no-such-thing'),
            bob,
          )
        ).body;
        expect(hidden).toEqual(unknown);
      }
      expect(await refsOf(`/runbooks?entityRef=${WEB}`, alice)).toEqual([
        'web-down',
      ]);
    });
  },
);
