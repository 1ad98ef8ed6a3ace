import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  notification,
  POSTGRES_DOWN_RUNBOOK,
} from '../__testUtils__/alertmanager';
import {
  startRecoveryBackend,
  TEST_PLAN,
} from '../__testUtils__/recoveryBackend';

const databases = TestDatabases.create();
jest.setTimeout(60_000);

const PLAN = `${TEST_PLAN}  degradedModes:
    - { component: postgres, impact: Nothing works; the API answers 503, severity: P1 }
    - { component: redis, impact: Slower pages, workaround: None needed, severity: P3 }
`;

const alice = 'user:default/alice';
const bob = 'user:default/bob';
const as = (userEntityRef: string) =>
  mockCredentials.user.header(userEntityRef);

describe.each(databases.eachSupportedId())('incidents on %s', databaseId => {
  type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  // One decision for every permission, or one per permission's name.
  const start = (
    permission: Decision | ((name: string) => Decision) = AuthorizeResult.ALLOW,
  ) =>
    startRecoveryBackend(databases, databaseId, {
      ...(typeof permission === 'function'
        ? { decide: permission }
        : { permission }),
      plan: PLAN,
      files: { 'postgres-down.yaml': POSTGRES_DOWN_RUNBOOK },
    });

  it('declares an incident, works it, and starts its postmortem pre-filled', async () => {
    const backend = await start();
    const declared = await backend.post(
      '/incidents',
      {
        title: 'Checkout is failing',
        severity: 'P2',
        entityRefs: ['insights-api'],
        runbooks: ['default/postgres-down'],
        links: [{ kind: 'chat', url: 'https://chat.example/inc' }],
      },
      as(alice),
    );
    expect(declared.status).toBe(201);
    const incident = declared.body;
    expect(incident).toMatchObject({
      number: 1,
      reference: 'INC-1',
      status: 'open',
      severity: 'P2',
      entityRefs: ['component:default/insights-api'],
      commander: 'user:default/alice',
      runbooks: [
        expect.objectContaining({
          name: 'postgres-down',
          title: 'PostgreSQL primary is down',
        }),
      ],
      statusUpdateDueAt: expect.any(String),
    });
    expect(incident.milestones.acknowledged).toBeDefined();
    expect(incident.timeline.map((e: any) => e.type)).toEqual([
      'declared',
      'role-changed',
      'runbook-attached',
    ]);

    // Reachable by its reference too.
    expect((await backend.get('/incidents/INC-1')).body.id).toBe(incident.id);

    // A change based on an old version is a 409 and changes nothing.
    const changed = await backend.patch(
      `/incidents/${incident.id}`,
      { version: 1, severity: 'P1', reason: 'the replica is down too' },
      as(alice),
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ severity: 'P1', version: 2 });
    const stale = await backend.patch(
      `/incidents/${incident.id}`,
      { version: 1, title: 'Something else' },
      as(bob),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/INC-1 is at version 2, not 1/);

    // Roles: the commander hands over; the record keeps who led when.
    await backend.post(
      `/incidents/${incident.id}/roles`,
      { role: 'scribe', user: 'bob' },
      as(alice),
    );
    const handed = await backend.post(
      `/incidents/${incident.id}/roles`,
      { role: 'commander', user: 'user:default/bob' },
      as(alice),
    );
    expect(handed.body.commander).toBe('user:default/bob');
    expect(
      handed.body.roles.filter((r: any) => r.role === 'commander'),
    ).toEqual([
      expect.objectContaining({
        user: 'user:default/alice',
        handedOverAt: expect.any(String),
      }),
      expect.objectContaining({ user: 'user:default/bob' }),
    ]);
    expect(
      (
        await backend.post(
          `/incidents/${incident.id}/roles`,
          { role: 'chef', user: 'bob' },
          as(alice),
        )
      ).body.error.message,
    ).toMatch(/role "chef" is not one of commander, scribe, communications/);

    // Several people at once: every note and tick is kept.
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) =>
        backend.post(
          `/incidents/${incident.id}/notes`,
          { text: `note ${i}` },
          as(i % 2 ? alice : bob),
        ),
      ),
      backend.put(
        `/incidents/${incident.id}/checklist`,
        { runbook: 'default/postgres-down', step: 'steps[0]', done: true },
        as(alice),
      ),
      backend.put(
        `/incidents/${incident.id}/checklist`,
        { runbook: 'default/postgres-down', step: 'diagnosis[0]', done: true },
        as(bob),
      ),
    ]);
    const worked = (await backend.get(`/incidents/${incident.id}`)).body;
    expect(worked.timeline.filter((e: any) => e.type === 'note')).toHaveLength(
      8,
    );
    expect(
      worked.checklist.map((t: any) => [t.step, t.done, t.by]).sort(),
    ).toEqual([
      ['diagnosis[0]', true, 'user:default/bob'],
      ['steps[0]', true, 'user:default/alice'],
    ]);
    expect(
      worked.timeline.find((e: any) => e.type === 'step-ticked').summary,
    ).toMatch(/^Done: kubectl .* \(PostgreSQL primary is down\)$/);
    const badTicks = [
      [
        { runbook: 'default/postgres-down', step: 'steps[9]', done: true },
        /steps\[9\] is not a step of runbook default\/postgres-down/,
      ],
      [
        { runbook: 'default/postgres-down', step: 'title[0]', done: true },
        /step title\[0\] is not a step of runbook default\/postgres-down/,
      ],
      [
        { runbook: 'default/other', step: 'steps[0]', done: true },
        /runbook default\/other is not attached to INC-1/,
      ],
      [
        { runbook: 'default/postgres-down', step: 'drop table', done: true },
        /request\/body\/step must match pattern/,
      ],
    ] as const;
    for (const [body, message] of badTicks) {
      const answer = await backend.put(
        `/incidents/${incident.id}/checklist`,
        body,
        as(alice),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }

    // A status update; a pin.
    const updated = await backend.post(
      `/incidents/${incident.id}/status-updates`,
      {
        conditions: 'Checkout fails for 30% of users',
        actions: 'Failing over to the replica',
        needs: 'A DBA',
      },
      as(bob),
    );
    expect(updated.status).toBe(201);
    expect(updated.body.statusUpdates).toEqual([
      expect.objectContaining({ needs: 'A DBA', by: 'user:default/bob' }),
    ]);
    const note = updated.body.timeline.find((e: any) => e.summary === 'note 3');
    const pinned = await backend.put(
      `/incidents/${incident.id}/timeline/${note.id}/pin`,
      { pinned: true },
      as(alice),
    );
    expect(
      pinned.body.timeline.filter((e: any) => e.pinned).map((e: any) => e.type),
    ).toEqual(['declared', 'note']);

    // Resolved, then the postmortem: a draft from the incident, linked both ways.
    await backend.patch(
      `/incidents/${incident.id}`,
      { version: 2, status: 'resolved' },
      as(bob),
    );
    const started = await backend.post(
      `/incidents/${incident.id}/postmortem`,
      {},
      as(bob),
    );
    expect(started.status).toBe(201);
    const postmortem = (
      await backend.get(`/postmortems/${started.body.postmortemId}`)
    ).body;
    expect(postmortem).toMatchObject({
      title: 'INC-1: Checkout is failing',
      status: 'draft',
      severity: 'P1',
      authors: ['user:default/bob'],
      entityRefs: ['component:default/insights-api'],
      runbooks: ['default/postgres-down'],
      incidentId: incident.id,
      milestones: expect.objectContaining({
        started: incident.milestones.started,
        resolved: expect.any(String),
      }),
    });
    expect(postmortem.timeline.map((t: any) => t.event)).toEqual([
      'INC-1 declared (P2): Checkout is failing',
      'note 3',
    ]);
    const again = await backend.post(
      `/incidents/${incident.id}/postmortem`,
      {},
      as(bob),
    );
    expect(again.body).toEqual({
      postmortemId: started.body.postmortemId,
      created: false,
    });
    expect((await backend.get('/incidents/INC-1')).body.postmortemId).toBe(
      started.body.postmortemId,
    );
  });

  it('refuses bad declarations with a 400 naming the field, and writes without credentials or permission', async () => {
    const backend = await start();
    const cases: Array<[object, RegExp]> = [
      [{ severity: 'P1' }, /title/],
      [
        { title: 'x', severity: 'SEV9' },
        /severity "SEV9" is not a configured severity/,
      ],
      [
        { title: 'x', severity: 'P1', entityRefs: ['not a ref'] },
        /"not a ref" is not an entity ref/,
      ],
      [
        { title: 'x', severity: 'P1', runbooks: ['default/nope'] },
        /runbooks\[0\] default\/nope is not an indexed runbook/,
      ],
      [
        { title: 'x', severity: 'P1', colour: 'red' },
        /must NOT have additional properties/,
      ],
      [
        { title: 'x', severity: 'P1', startedAt: '2099-01-01T00:00:00Z' },
        /is in the future/,
      ],
    ];
    for (const [body, message] of cases) {
      const answer = await backend.post('/incidents', body, as(alice));
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
    expect(
      (
        await backend.post(
          '/incidents',
          { title: 'x', severity: 'P1' },
          mockCredentials.none.header(),
        )
      ).status,
    ).toBe(401);
    expect((await backend.get('/incidents')).body.items).toEqual([]);

    const denied = await start(AuthorizeResult.DENY);
    expect(
      (
        await denied.post(
          '/incidents',
          { title: 'x', severity: 'P1' },
          as(alice),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await denied.post(
          '/webhooks/alertmanager',
          notification('firing', [{ fingerprint: 'a1' }]),
        )
      ).status,
    ).toBe(403);
    expect((await denied.get('/incidents')).body.items).toEqual([]);
  });

  it("takes responders' verdicts on an incident's alerts, counts them per alert rule, and carries the noise into the postmortem", async () => {
    const backend = await start();
    await backend.post(
      '/webhooks/alertmanager',
      notification('firing', [{ fingerprint: 'b1' }, { fingerprint: 'b2' }]),
    );
    const [summary] = (await backend.get('/incidents')).body.items;
    const judge = (fingerprint: string, verdict: unknown) =>
      backend.put(
        `/incidents/${summary.id}/alerts/${fingerprint}/verdict`,
        { verdict },
        as(alice),
      );
    const judged = await judge('b1', 'noise');
    expect(judged.status).toBe(200);
    expect(
      judged.body.alerts.find((a: any) => a.fingerprint === 'b1'),
    ).toMatchObject({ verdict: 'noise', verdictBy: 'user:default/alice' });
    expect(judged.body.timeline.at(-1)).toMatchObject({
      type: 'alert-judged',
      summary: 'PostgresDown: noise',
    });
    expect((await judge('b2', 'duplicate')).status).toBe(200);
    expect((await judge('b2', 'annoying')).status).toBe(400);
    expect((await judge('ffff', 'noise')).status).toBe(404);
    // Judging again the same way changes nothing.
    const version = (await backend.get(`/incidents/${summary.id}`)).body
      .version;
    await judge('b1', 'noise');
    expect((await backend.get(`/incidents/${summary.id}`)).body.version).toBe(
      version,
    );

    const figures = (
      await backend.get(
        '/incidents/alert-figures?entityRef=component:default/insights-api',
        as(alice),
      )
    ).body.items;
    expect(figures).toEqual([
      {
        alertName: 'PostgresDown',
        fired: 2,
        actionable: 0,
        noise: 1,
        duplicate: 1,
        // Alice's verdict acknowledged it; the alerts began 2 minutes before.
        medianMinutesToAcknowledge: 2,
      },
    ]);
    expect(
      (
        await backend.get(
          '/incidents/alert-figures?entityRef=component:default/insights-web',
          as(alice),
        )
      ).body.items,
    ).toEqual([]);

    const started = await backend.post(
      `/incidents/${summary.id}/postmortem`,
      {},
      as(alice),
    );
    const postmortem = (
      await backend.get(`/postmortems/${started.body.postmortemId}`, as(alice))
    ).body;
    expect(postmortem.lessons.wentWrong).toEqual([
      'Alert PostgresDown paged for nothing (noise)',
    ]);
  });

  it('opens one incident from Alertmanager however often it is told, mitigates it when its alerts resolve, reopens it when one fires again', async () => {
    const backend = await start();
    const firing = notification('firing', [{ fingerprint: 'a1' }]);
    // The same notification delivered three times at once (retries, or two
    // backend instances): one incident.
    const answers = await Promise.all([
      backend.post('/webhooks/alertmanager', firing),
      backend.post('/webhooks/alertmanager', firing),
      backend.post('/webhooks/alertmanager', firing),
    ]);
    expect(answers.map(a => a.status)).toEqual([200, 200, 200]);
    expect(answers.flatMap(a => a.body.opened)).toHaveLength(1);
    const [summary] = (await backend.get('/incidents')).body.items;
    const incident = (await backend.get(`/incidents/${summary.id}`)).body;
    expect(incident).toMatchObject({
      reference: 'INC-1',
      title: 'PostgreSQL primary is down',
      // The matched runbook's severity, not the alert's `warning` label.
      severity: 'P1',
      status: 'open',
      entityRefs: [
        'resource:default/insights-postgres',
        'component:default/insights-api',
      ],
      runbooks: [
        expect.objectContaining({ name: 'postgres-down', attachedBy: 'alert' }),
      ],
      alerts: [
        expect.objectContaining({
          fingerprint: 'a1',
          alertName: 'PostgresDown',
          status: 'firing',
          generatorURL: expect.stringMatching(/^http:\/\/prometheus/),
        }),
      ],
    });
    expect(incident.milestones.acknowledged).toBeUndefined();
    expect(
      incident.timeline.filter((e: any) => e.type === 'alert-fired'),
    ).toHaveLength(1);

    // A second alert of the group joins it.
    const second = await backend.post(
      '/webhooks/alertmanager',
      notification('firing', [{ fingerprint: 'a1' }, { fingerprint: 'b2' }]),
    );
    expect(second.body).toEqual({
      opened: [],
      updated: [incident.id],
      unchanged: 1,
    });

    // Both resolved: mitigated, not resolved (a person resolves it).
    await backend.post(
      '/webhooks/alertmanager',
      notification('resolved', [{ fingerprint: 'a1' }, { fingerprint: 'b2' }]),
    );
    const mitigated = (await backend.get(`/incidents/${incident.id}`)).body;
    expect(mitigated.status).toBe('mitigated');
    expect(mitigated.milestones.mitigated).toBeDefined();
    expect(mitigated.firingAlertCount).toBe(0);

    // One fires again: open again.
    await backend.post(
      '/webhooks/alertmanager',
      notification('firing', [{ fingerprint: 'b2' }]),
    );
    expect((await backend.get(`/incidents/${incident.id}`)).body.status).toBe(
      'open',
    );

    // Resolved by a person; the group firing later is a new incident.
    await backend.patch(
      `/incidents/${incident.id}`,
      {
        version: (await backend.get(`/incidents/${incident.id}`)).body.version,
        status: 'resolved',
      },
      as(alice),
    );
    const later = await backend.post(
      '/webhooks/alertmanager',
      notification('firing', [{ fingerprint: 'c3' }]),
    );
    expect(later.body.opened).toHaveLength(1);
    expect(
      (await backend.get('/incidents?status=open')).body.items.map(
        (i: any) => i.reference,
      ),
    ).toEqual(['INC-2']);
  });

  it('gives an incident that mitigated before anybody acted a postmortem, and lets go of a deleted one', async () => {
    const backend = await start();
    await backend.post(
      '/webhooks/alertmanager',
      notification('firing', [{ fingerprint: 'a1' }]),
    );
    await backend.post(
      '/webhooks/alertmanager',
      notification('resolved', [{ fingerprint: 'a1' }]),
    );
    const mitigated = (await backend.get('/incidents/INC-1')).body;
    expect(mitigated.status).toBe('mitigated');
    // The first person to act resolves it: nobody acknowledged it while it
    // burned, and it is not stamped acknowledged after it had mitigated.
    await backend.patch(
      `/incidents/${mitigated.id}`,
      { version: mitigated.version, status: 'resolved' },
      as(alice),
    );
    const resolved = (await backend.get('/incidents/INC-1')).body;
    expect(resolved.status).toBe('resolved');
    expect(resolved.milestones.acknowledged).toBeUndefined();
    const started = await backend.post(
      `/incidents/${mitigated.id}/postmortem`,
      {},
      as(alice),
    );
    expect(started.status).toBe(201);
    const postmortemId = started.body.postmortemId;
    expect(
      (await backend.get(`/postmortems/${postmortemId}`)).body.milestones,
    ).toEqual({
      started: resolved.milestones.started,
      detected: resolved.milestones.detected,
      mitigated: resolved.milestones.mitigated,
      resolved: resolved.milestones.resolved,
    });

    // Deleted: the incident no longer points at it, and a new one can start.
    expect(
      (await backend.delete(`/postmortems/${postmortemId}`, as(alice))).status,
    ).toBe(204);
    const unlinked = (await backend.get('/incidents/INC-1')).body;
    expect(unlinked.postmortemId).toBeUndefined();
    expect(unlinked.timeline.map((e: any) => e.type)).toContain(
      'postmortem-deleted',
    );
    const again = await backend.post(
      `/incidents/${mitigated.id}/postmortem`,
      {},
      as(alice),
    );
    expect(again.body).toEqual({
      postmortemId: expect.any(String),
      created: true,
    });
    expect(again.body.postmortemId).not.toBe(postmortemId);
  });

  it("lists an owner's incidents, a `_` or `%` in the owner matching only itself", async () => {
    const backend = await start();
    await backend.post(
      '/incidents',
      {
        title: 'Checkout is failing',
        severity: 'P2',
        entityRefs: ['insights-api'],
      },
      as(alice),
    );
    const owned = async (owner: string) =>
      (
        await backend.get(`/incidents?owner=${encodeURIComponent(owner)}`)
      ).body.items.map((i: any) => i.reference);
    expect(await owned('group:default/platform-team')).toEqual(['INC-1']);
    expect(await owned('group:default/platform_team')).toEqual([]);
    expect(await owned('group:default/platform%')).toEqual([]);
    expect(await owned('group:default/web-team')).toEqual([]);
  });

  it('holds at most the configured number of notes on one incident', async () => {
    const backend = await startRecoveryBackend(databases, databaseId, {
      plan: PLAN,
      files: { 'postgres-down.yaml': POSTGRES_DOWN_RUNBOOK },
      config: { reliability: { incidents: { maxNotes: 2 } } },
    });
    const declared = await backend.post(
      '/incidents',
      {
        title: 'Checkout is failing',
        severity: 'P2',
        entityRefs: ['insights-api'],
      },
      as(alice),
    );
    const note = (text: string) =>
      backend.post(`/incidents/${declared.body.id}/notes`, { text }, as(bob));
    expect((await note('one')).status).toBe(201);
    expect((await note('two')).status).toBe(201);
    const third = await note('three');
    expect(third.status).toBe(409);
    expect(third.body.error.message).toMatch(/INC-1 holds 2 notes/);
    const { timeline } = (await backend.get('/incidents/INC-1')).body;
    expect(
      timeline.filter((e: any) => e.type === 'note').map((e: any) => e.summary),
    ).toEqual(['one', 'two']);
  });

  it("answers a page that asks with its copy's ETag 304 until the incident changes", async () => {
    const backend = await start();
    const declared = await backend.post(
      '/incidents',
      {
        title: 'Checkout is failing',
        severity: 'P2',
        entityRefs: ['insights-api'],
      },
      as(alice),
    );
    const read = (etag?: string) => {
      const req = backend.get('/incidents/INC-1', as(bob));
      return etag ? req.set('If-None-Match', etag) : req;
    };
    const first = await read();
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('no-store');
    const same = await read(etag);
    expect(same.status).toBe(304);
    expect(same.text).toBe('');

    // Each kind of change gives a new tag: a note, a pin, a field.
    const tags = [etag];
    const changed = async () => {
      const answer = await read(tags[tags.length - 1]);
      expect(answer.status).toBe(200);
      expect(tags).not.toContain(answer.headers.etag);
      tags.push(answer.headers.etag);
      return answer.body;
    };
    const note = await backend.post(
      `/incidents/${declared.body.id}/notes`,
      { text: 'Looking' },
      as(bob),
    );
    expect(note.status).toBe(201);
    const afterNote = await changed();
    const noteEvent = afterNote.timeline.find((e: any) => e.type === 'note');
    await backend.put(
      `/incidents/${declared.body.id}/timeline/${noteEvent.id}/pin`,
      { pinned: true },
      as(bob),
    );
    await changed();
    await backend.patch(
      `/incidents/${declared.body.id}`,
      { version: afterNote.version, title: 'Checkout fails for everyone' },
      as(alice),
    );
    expect((await changed()).title).toBe('Checkout fails for everyone');
    expect((await read(tags[tags.length - 1])).status).toBe(304);
  });

  it('acknowledges an incident a person resolves while its alert still fires', async () => {
    const backend = await start();
    await backend.post(
      '/webhooks/alertmanager',
      notification('firing', [{ fingerprint: 'a1' }]),
    );
    const open = (await backend.get('/incidents/INC-1')).body;
    await backend.patch(
      `/incidents/${open.id}`,
      { version: open.version, status: 'resolved' },
      as(alice),
    );
    const { milestones } = (await backend.get('/incidents/INC-1')).body;
    expect(milestones.acknowledged).toBeDefined();
    expect(Date.parse(milestones.acknowledged)).toBeLessThanOrEqual(
      Date.parse(milestones.mitigated),
    );
  });

  it('maps alerts no runbook answers by their labels, and refuses bad payloads', async () => {
    const backend = await start();
    const other = notification(
      'firing',
      [{ fingerprint: 'd4', alertname: 'HighLatency' }],
      '{}:{alertname="HighLatency"}',
    );
    (other.alerts[0].labels as any).severity = 'critical';
    (other.alerts[0].labels as any).service = 'insights-web';
    const answer = await backend.post('/webhooks/alertmanager', other);
    const incident = (await backend.get(`/incidents/${answer.body.opened[0]}`))
      .body;
    expect(incident).toMatchObject({
      severity: 'P1',
      entityRefs: ['component:default/insights-web'],
      runbooks: [],
    });
    const bad: Array<[object, RegExp]> = [
      [{ ...other, alerts: [] }, /alerts must NOT have fewer than 1 items/],
      [
        { ...other, alerts: [{ ...other.alerts[0], status: 'burning' }] },
        /status must be equal to one of the allowed values/,
      ],
      [
        { ...other, alerts: [{ ...other.alerts[0], fingerprint: 'not hex!' }] },
        /request\/body\/alerts\/0\/fingerprint must match pattern/,
      ],
      [
        {
          ...other,
          alerts: [{ ...other.alerts[0], labels: { severity: 'x' } }],
        },
        /labels must hold alertname/,
      ],
      [{ ...other, groupKey: undefined }, /groupKey/],
    ];
    for (const [body, message] of bad) {
      const res = await backend.post('/webhooks/alertmanager', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    const huge = await backend.post('/webhooks/alertmanager', {
      ...other,
      commonAnnotations: { description: 'x'.repeat(2_000_000) },
    });
    expect(huge.status).toBe(400);
    expect((await backend.get('/incidents')).body.items).toHaveLength(1);
  });

  it('suggests a severity from the answers and the degraded-mode table, and shows what makes each level', async () => {
    const backend = await start();
    const ask = async (q: string) =>
      (
        await backend.get(
          `/incidents/classification?entityRef=component:default/insights-api&${q}`,
        )
      ).body;
    expect((await ask('usersAffected=all')).suggestion).toEqual({
      severity: 'P1',
      reasons: ['P1: All users are affected'],
    });
    expect(
      (await ask('usersAffected=some&workaround=true&componentDown=postgres'))
        .suggestion,
    ).toEqual({
      severity: 'P1',
      reasons: [
        'P1: insights-data says that without postgres: Nothing works; the API answers 503',
        'P3: Many or some users are affected (with a workaround)',
      ],
    });
    const answer = await ask('');
    expect(answer.components).toEqual(['postgres', 'redis']);
    expect(
      answer.guide.map((l: any) => [
        l.severity,
        l.degradedModes.map((d: any) => d.component),
      ]),
    ).toEqual([
      ['P1', ['postgres']],
      ['P2', []],
      ['P3', ['redis']],
      ['P4', []],
    ]);
    expect(answer.guide[0].rules).toEqual([
      'All users are affected',
      'Data has been lost',
    ]);
  });

  it('reminds the commander when a status update is due, once, and figures MTTA and MTTR', async () => {
    const backend = await startRecoveryBackend(databases, databaseId, {
      config: {
        reliability: {
          severities: [
            {
              id: 'P1',
              rank: 1,
              statusUpdateMinutes: 0.001,
              postmortemRequired: true,
            },
            { id: 'P2', rank: 2 },
          ],
        },
      },
    });
    const declared = (
      await backend.post(
        '/incidents',
        { title: 'Down', severity: 'P1' },
        as(alice),
      )
    ).body;
    await new Promise(r => setTimeout(r, 200));
    await backend.runTask(
      'reliability-incident-reminders',
      async () => backend.sent.length > 0,
    );
    expect(backend.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: ['user:default/alice'] },
        payload: expect.objectContaining({
          title: 'INC-1: a status update is due',
          link: '/reliability/incidents/INC-1',
        }),
      },
    ]);
    await backend.runTask('reliability-incident-reminders', async () => true);
    await new Promise(r => setTimeout(r, 1000));
    expect(backend.sent).toHaveLength(1);

    await backend.patch(
      `/incidents/${declared.id}`,
      { version: 1, status: 'resolved' },
      as(alice),
    );
    const due = (await backend.get('/incidents/postmortems-due')).body.items;
    expect(due).toEqual([
      expect.objectContaining({ reference: 'INC-1', overdue: false }),
    ]);
    const metrics = (await backend.get('/incidents/metrics')).body;
    expect(metrics).toMatchObject({ incidents: 1, mttaMinutes: 0 });
    expect(metrics.mttrMinutes).toBeGreaterThanOrEqual(0);
    // One week holds it (not necessarily the last: the test may cross
    // Monday 00:00 UTC between the declaration and this call).
    expect(
      metrics.perWeek.filter((w: any) => Object.keys(w.counts).length),
    ).toEqual([expect.objectContaining({ counts: { P1: 1 } })]);
  });

  it('imports an incident with its history and postmortem, once', async () => {
    const backend = await start();
    const hoursAgo = (h: number) =>
      new Date(Date.now() - h * 3600_000).toISOString();
    const record = {
      externalId: 'pagerduty:Q1ABC',
      title: 'Reports time out',
      severity: 'P2',
      status: 'resolved',
      entityRefs: ['component:insights-api'],
      runbooks: ['default/postgres-down'],
      milestones: {
        started: hoursAgo(50),
        detected: hoursAgo(49.9),
        acknowledged: hoursAgo(49.8),
        mitigated: hoursAgo(49),
        resolved: hoursAgo(48),
      },
      roles: [{ role: 'commander', user: 'alice', assumedAt: hoursAgo(49.8) }],
      statusUpdates: [
        {
          at: hoursAgo(49.5),
          by: 'alice',
          conditions: 'Exports fail',
          actions: 'Restarting the workers',
        },
      ],
      timeline: [
        {
          at: hoursAgo(49.2),
          actor: 'user:default/alice',
          summary: 'Workers restarted',
          pinned: true,
        },
      ],
      postmortem: {
        title: 'Reports time out',
        status: 'draft',
        authors: ['alice'],
      },
    };
    const first = await backend.post('/incidents/import', record);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'resolved',
      commander: 'user:default/alice',
      milestones: {
        started: record.milestones.started,
        resolved: record.milestones.resolved,
      },
      statusUpdates: [expect.objectContaining({ conditions: 'Exports fail' })],
      postmortemId: expect.any(String),
    });
    expect(first.body.timeline.map((e: any) => [e.type, e.at])).toEqual(
      expect.arrayContaining([['note', record.timeline[0].at]]),
    );
    const postmortem = (
      await backend.get(`/postmortems/${first.body.postmortemId}`)
    ).body;
    expect(postmortem.incidentId).toBe(first.body.id);
    const again = await backend.post('/incidents/import', {
      ...record,
      title: 'Changed',
    });
    expect(again.status).toBe(200);
    expect(again.body.title).toBe('Reports time out');
    const future = await backend.post('/incidents/import', {
      ...record,
      externalId: 'pagerduty:Q2',
      milestones: { started: '2099-01-01T00:00:00Z' },
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(
      /milestones.started .* is in the future/,
    );
  });

  it('marks imported records with their importer, and holds an imported published postmortem to the rules for publishing', async () => {
    let mayPublish = false;
    const backend = await start(name =>
      name === 'reliability.postmortem.publish' && !mayPublish
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    const at = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const record = {
      externalId: 'pagerduty:P1',
      title: 'API down',
      severity: 'P1',
      status: 'resolved',
      entityRefs: ['component:insights-api'],
      milestones: { started: at(30), resolved: at(29) },
      roles: [{ role: 'commander', user: 'alice', assumedAt: at(30) }],
      postmortem: {
        title: 'API down',
        status: 'published',
        authors: ['alice'],
      },
    };
    const refused = await backend.post('/incidents/import', record);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /^You may not publish this postmortem/,
    );
    expect((await backend.get('/incidents')).body.totalCount).toBe(0);
    mayPublish = true;
    const imported = await backend.post('/incidents/import', record);
    expect(imported.status).toBe(201);
    // The people it names did not record it here: the importer did.
    expect(imported.body.imported).toEqual({
      externalId: 'pagerduty:P1',
      by: 'external:test-service',
    });
    expect(imported.body.commander).toBe('user:default/alice');
    const declared = await backend.post(
      '/incidents',
      { title: 'Declared here', severity: 'P3' },
      as(alice),
    );
    expect(declared.body.imported).toBeUndefined();
  });

  it('lets taking command of an incident nobody leads be its own permission, which changes nothing else', async () => {
    const backend = await start(name =>
      name === 'reliability.incident.update'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    const opened = await backend.post(
      '/webhooks/alertmanager',
      notification('firing', [{ fingerprint: 'c0ffee' }]),
    );
    expect([opened.status, opened.body.error?.message]).toEqual([
      200,
      undefined,
    ]);
    const [summary] = (await backend.get('/incidents')).body.items;
    expect(summary.commander).toBeUndefined();
    const url = `/incidents/${summary.id}`;
    // Bob takes command: that is all he may do.
    const taken = await backend.post(
      `${url}/roles`,
      { role: 'commander', user: bob },
      as(bob),
    );
    expect(taken.status).toBe(200);
    expect(taken.body.commander).toBe(bob);
    const { version } = taken.body;
    expect(
      (await backend.patch(url, { version, entityRefs: [] }, as(bob))).status,
    ).toBe(403);
    expect(
      (await backend.patch(url, { version, status: 'resolved' }, as(bob)))
        .status,
    ).toBe(403);
    // Someone else's command, or a role for another, is a change of roles.
    const handOver = await backend.post(
      `${url}/roles`,
      { role: 'commander', user: alice },
      as(alice),
    );
    expect(handOver.status).toBe(403);
    expect(handOver.body.error.message).toBe(
      `You may not change the roles of ${summary.reference}`,
    );
    expect(
      (
        await backend.post(
          `${url}/roles`,
          { role: 'scribe', user: alice },
          as(bob),
        )
      ).status,
    ).toBe(403);
    expect((await backend.get(url)).body.commander).toBe(bob);
  });

  it('imports incidents sent at the same moment, each once, numbered one after another', async () => {
    const backend = await start();
    const send = (i: number) =>
      backend.post('/incidents/import', {
        externalId: `at-once:${i}`,
        title: `Imported at once ${i}`,
        severity: 'P3',
        status: 'resolved',
        entityRefs: ['component:default/insights-api'],
        milestones: {
          started: '2026-11-01T10:00:00Z',
          resolved: '2026-11-01T11:00:00Z',
        },
      });
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => send(i % 16)),
    );
    expect(
      answers.map(a => (a.status === 500 ? a.text : a.status)).sort(),
    ).toEqual([...Array(8).fill(200), ...Array(16).fill(201)].sort());
    const numbers = answers
      .filter(a => a.status === 201)
      .map(a => a.body.number);
    expect(new Set(numbers).size).toBe(16);
    expect(new Set(answers.map(a => a.body.id)).size).toBe(16);

    // All started at the same moment: pages of 5 still hold each one once,
    // newest number first, with the count of all on every page.
    const paged: number[] = [];
    for (const offset of [0, 5, 10, 15]) {
      const page = await backend.get(`/incidents?limit=5&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body.totalCount).toBe(16);
      paged.push(...page.body.items.map((i: { number: number }) => i.number));
    }
    expect(paged).toEqual([...numbers].sort((x, y) => y - x));
    const bad = await backend.get('/incidents?limit=501');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/limit/);
  });

  it('numbers incidents declared at the same moment one after another, and lets one of two changes on the same version through', async () => {
    const backend = await start();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        backend.post(
          '/incidents',
          {
            title: `At once ${i}`,
            severity: 'P3',
            // The same entity twice is the same entity.
            entityRefs: ['insights-api', 'component:default/insights-api'],
          },
          as(alice),
        ),
      ),
    );
    expect(answers.map(a => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map(a => a.body.number)).size).toBe(8);
    expect(answers[0].body.entityRefs).toEqual([
      'component:default/insights-api',
    ]);

    const id = answers[0].body.id;
    const both = await Promise.all([
      backend.patch(
        `/incidents/${id}`,
        { version: 1, severity: 'P1', reason: 'a' },
        as(alice),
      ),
      backend.patch(
        `/incidents/${id}`,
        { version: 1, severity: 'P2', reason: 'b' },
        as(bob),
      ),
    ]);
    expect(both.map(a => a.status).sort()).toEqual([200, 409]);
    const after = (await backend.get(`/incidents/${id}`)).body;
    expect(after.version).toBe(2);
    expect(
      after.timeline.filter((e: any) => e.type === 'severity-changed'),
    ).toHaveLength(1);

    // A status change moves the version too: a change based on the old one is a 409.
    const mitigated = await backend.patch(
      `/incidents/${id}`,
      { version: 2, status: 'mitigated' },
      as(alice),
    );
    // Once: one change, one version.
    expect(mitigated.body.version).toBe(3);
    const stale = await backend.patch(
      `/incidents/${id}`,
      { version: 2, status: 'resolved' },
      as(bob),
    );
    expect(stale.status).toBe(409);

    // Two people starting the postmortem at once: one postmortem.
    const started = await Promise.all([
      backend.post(`/incidents/${id}/postmortem`, {}, as(alice)),
      backend.post(`/incidents/${id}/postmortem`, {}, as(bob)),
    ]);
    expect(new Set(started.map(a => a.body.postmortemId)).size).toBe(1);
    expect(
      (await backend.get('/postmortems')).body.items.filter(
        (p: any) => p.incidentId === id,
      ),
    ).toHaveLength(1);
  });
});
