import { parsePostmortemContent } from './validation';

const severities = ['P1', 'P2', 'P3', 'P4'];
const parse = (body: unknown) => parsePostmortemContent(body, { severities });

describe('parsePostmortemContent', () => {
  it('fills defaults and normalises entity refs', () => {
    const pm = parse({
      title: 'Outage',
      entityRefs: ['insights-api', 'Resource:Default/DB'],
    });
    expect(pm).toMatchObject({
      status: 'draft',
      authors: [],
      entityRefs: ['component:default/insights-api', 'resource:default/db'],
      alerts: [],
      lessons: { wentWell: [], wentWrong: [], gotLucky: [] },
      timeline: [],
      actionItems: [],
    });
  });

  it('reads a bare author as a user and a bare owner as a group', () => {
    const pm = parse({
      title: 'Outage',
      authors: ['amara.okafor', 'User:Default/Jon'],
      owner: 'platform-team',
    });
    expect(pm.authors).toEqual([
      'user:default/amara.okafor',
      'user:default/jon',
    ]);
    expect(pm.owner).toBe('group:default/platform-team');
  });

  it.each([
    [{}, 'title is required'],
    [{ title: '' }, 'title must not be empty'],
    [
      { title: 'x', status: 'done' },
      'status must be one of draft, in-review, published',
    ],
    [
      { title: 'x', milestones: { resolved: 'yesterday' } },
      'milestones.resolved must be an ISO 8601 time',
    ],
    [
      { title: 'x', severity: 'P9' },
      'severity "P9" is not one of P1, P2, P3, P4',
    ],
    [{ title: 'x', colour: 'red' }, 'unknown field(s) colour'],
    [
      { title: 'x', actionItems: [{ title: 'a', type: 'fix' }] },
      'actionItems[0].type must be one of prevent, mitigate, detect, process',
    ],
    [
      {
        title: 'x',
        actionItems: [
          // eslint-disable-next-line no-script-url
          { title: 'a', type: 'detect', trackerUrl: 'javascript:alert(1)' },
        ],
      },
      'actionItems[0].trackerUrl',
    ],
    [
      { title: 'x', entityRefs: ['component:'] },
      'entityRefs[0] "component:" is not an entity ref such as component:default/insights-api',
    ],
    [
      { title: 'x', entityRefs: ['not a ref'] },
      'entityRefs[0] "not a ref" is not an entity ref',
    ],
    [
      { title: 'x', authors: ['group:default/platform-team'] },
      'authors[0] must be a user ref such as user:default/amara.okafor, not group:',
    ],
    [
      { title: 'x', owner: 'component:default/insights-api' },
      'owner must be a user or group ref such as group:default/platform-team, not component:',
    ],
    [
      { title: 'x', status: 'published' },
      'authors must name at least one author outside a draft',
    ],
    [
      {
        title: 'x',
        milestones: {
          started: '2026-11-20T10:00:00Z',
          resolved: '2026-11-20T09:00:00Z',
        },
      },
      'milestones.resolved is before an earlier milestone',
    ],
  ])('refuses %j naming the field', (body, message) => {
    expect(() => parse(body)).toThrow(message);
  });
});
