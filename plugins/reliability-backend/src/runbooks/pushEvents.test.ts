import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { recordingAuditor } from '../__testUtils__/auditor';
import {
  runbookFile,
  temporaryRepositories,
} from '../__testUtils__/gitRepository';
import { reliabilityPlugin } from '../plugin';
import githubPush from './__fixtures__/github-push.json';
import gitlabPush from './__fixtures__/gitlab-push.json';
import {
  parsePush,
  pushReachesRemote,
  pushReachesUrl,
  repositoryKey,
} from './pushEvents';

describe('push events', () => {
  it('reads GitHub and GitLab pushes as their webhooks send them', () => {
    expect(parsePush('github.push', githubPush)).toEqual({
      urls: [
        'https://github.com/acme/insights-platform',
        'https://github.com/acme/insights-platform.git',
        'git@github.com:acme/insights-platform.git',
        'git://github.com/acme/insights-platform.git',
        'https://github.com/acme/insights-platform',
      ],
      branch: 'main',
      defaultBranch: 'main',
    });
    expect(parsePush('gitlab.push', gitlabPush)).toMatchObject({
      urls: expect.arrayContaining([
        'https://gitlab.acme.example/finance/payments',
        'git@gitlab.acme.example:finance/payments.git',
      ]),
      branch: 'main',
      defaultBranch: 'main',
    });
    // A tag, a deleted branch, something else on the topic: not a push to read.
    expect(
      parsePush('github.push', { ...githubPush, ref: 'refs/tags/v1.2.0' }),
    ).toBeUndefined();
    expect(
      parsePush('github.push', { ...githubPush, deleted: true }),
    ).toBeUndefined();
    expect(parsePush('github.push', { zen: 'Keep it simple' })).toBeUndefined();
    expect(parsePush('gitlab.push', null)).toBeUndefined();
  });

  it('tells which locations a push reaches', () => {
    const github = parsePush('github.push', githubPush)!;
    const gitlab = parsePush('gitlab.push', gitlabPush)!;
    expect(repositoryKey('git@github.com:acme/insights-platform.git')).toBe(
      repositoryKey('https://GitHub.com/acme/insights-platform/'),
    );
    // Folders read through an integration, on the pushed branch or not.
    expect(
      pushReachesUrl(
        github,
        'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres',
      ),
    ).toBe(true);
    expect(
      pushReachesUrl(
        github,
        'https://github.com/acme/insights-platform/tree/release/2026.12/runbooks',
      ),
    ).toBe(false);
    expect(
      pushReachesUrl(github, 'https://github.com/acme/insights-platform-docs'),
    ).toBe(false);
    expect(
      pushReachesUrl(
        gitlab,
        'https://gitlab.acme.example/finance/payments/-/tree/main/runbooks',
      ),
    ).toBe(true);
    expect(
      pushReachesUrl(
        gitlab,
        'https://gitlab.acme.example/finance/payments/-/blob/main/runbooks/queue-backlog.yaml',
      ),
    ).toBe(true);
    // Remotes from app-config, by any of their addresses and their branch
    // (the default one when none is set).
    expect(
      pushReachesRemote(
        github,
        'git@github.com:acme/insights-platform.git',
        undefined,
      ),
    ).toBe(true);
    expect(
      pushReachesRemote(
        gitlab,
        'https://gitlab.acme.example/finance/payments.git',
        'main',
      ),
    ).toBe(true);
    expect(
      pushReachesRemote(
        gitlab,
        'https://gitlab.acme.example/finance/payments.git',
        'stable',
      ),
    ).toBe(false);
  });
});

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'a push re-reads its runbooks at once, on %s',
  databaseId => {
    const repositories = temporaryRepositories('runbooks-push-');

    it('serves a pushed fix seconds after the push event, without a pass', async () => {
      const repo = repositories.repository(databaseId);
      repo.write('runbooks/disk.yaml', runbookFile('disk-full', 'Disk full'));
      repo.commit('a runbook');
      // The events service Backstage installs, in this process only.
      const bus = DefaultEventsService.create({
        logger: mockServices.logger.mock(),
        useEventBus: 'never',
      });
      const auditor = recordingAuditor();
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          auditor.factory,
          catalogServiceMock.factory({ entities: [] }),
          createServiceFactory({
            service: eventsServiceRef,
            deps: { pluginMetadata: coreServices.pluginMetadata },
            factory: ({ pluginMetadata }) =>
              bus.forPlugin(pluginMetadata.getId()),
          }),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              reliability: {
                runbooks: {
                  // The scheduled pass does not run within the test.
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                    initialDelay: { hours: 1 },
                  },
                  gitCacheDirectory: repositories.path(`cache-${databaseId}`),
                  locations: [
                    {
                      type: 'git',
                      target: repo.remote,
                      branch: 'main',
                      path: 'runbooks',
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      const runbook = () =>
        request(server).get('/api/reliability/runbooks/default/disk-full');
      expect((await runbook()).status).toBe(404);

      // The recorded GitHub push, for this repository.
      const push = (payload: object = {}) =>
        bus.publish({
          topic: 'github.push',
          eventPayload: {
            ...githubPush,
            repository: { ...githubPush.repository, clone_url: repo.remote },
            ...payload,
          },
          metadata: { 'x-github-event': 'push' },
        });
      await push();
      expect((await runbook()).body).toMatchObject({ title: 'Disk full' });

      // A fix pushed: served as soon as the event is handled.
      repo.write(
        'runbooks/disk.yaml',
        runbookFile('disk-full', 'Disk full (fixed)'),
      );
      repo.commit('the fix');
      const pushed = Date.now();
      await push();
      expect((await runbook()).body).toMatchObject({
        title: 'Disk full (fixed)',
      });
      expect(Date.now() - pushed).toBeLessThan(5000);

      // A push to another branch or another repository reads nothing.
      repo.write('runbooks/disk.yaml', runbookFile('disk-full', 'Not yet'));
      repo.commit('not pushed for');
      await push({ ref: 'refs/heads/feature' });
      await bus.publish({
        topic: 'github.push',
        eventPayload: githubPush,
      });
      expect((await runbook()).body).toMatchObject({
        title: 'Disk full (fixed)',
      });

      // Each push told is in the audit log, with the locations it re-read.
      const pushes = auditor.jobs.filter(j => j.eventId === 'runbook-push');
      expect(pushes).toHaveLength(4);
      expect(pushes[0].meta).toMatchObject({
        topic: 'github.push',
        branch: 'main',
      });
    }, 60_000);
  },
);
