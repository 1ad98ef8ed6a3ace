import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  type Permission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  type PolicyQueryUser,
  ServerPermissionClient,
} from '@backstage/plugin-permission-node';
import {
  reliabilityPermissions,
  reliabilityPostmortemCreatePermission,
} from '@reliability-suite/plugin-reliability-common';
import {
  incidentPermissionRules,
  postmortemPermissionRules,
} from '@reliability-suite/plugin-reliability-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DEMO_ROLES, ReliabilityDemoPolicy } from './permissionPolicy';

// Every permission of the suite (and the catalog's that the policy
// decides) against the demo's policy, for a user who owns what is asked
// about, one who does not, an SRE (the demo's operators and responders),
// and a caller that is no user; then each of the demo's machine tokens, as
// Backstage decides on them (by their access restrictions in
// app-config.yaml; a policy never sees a machine).

const PEOPLE = {
  // The demo guest: a member of the platform team.
  platform: ['user:default/guest', 'group:default/platform-team'],
  sre: ['user:default/lena.schmidt', 'group:default/sre-team'],
  web: ['user:default/priya.raman', 'group:default/web-team'],
};
type Person = keyof typeof PEOPLE;

// What each kind of resource holds, owned by the platform team: an
// incident led by amara.okafor with a scribe, a postmortem, an entity.
const incident = (overrides: object = {}) => ({
  commander: 'user:default/amara.okafor',
  roles: [
    { role: 'commander', user: 'user:default/amara.okafor' },
    { role: 'scribe', user: 'user:default/jonas.lindqvist' },
  ],
  linkedOwners: ['group:default/platform-team'],
  ...overrides,
});
const postmortem = {
  authors: ['user:default/amara.okafor'],
  owner: 'group:default/platform-team',
  linkedOwners: ['group:default/platform-team'],
};
const entityOwner = 'group:default/platform-team';

const RULES: Record<string, Array<{ name: string; apply: Function }>> = {
  'reliability-incident': Object.values(incidentPermissionRules),
  'reliability-postmortem': Object.values(postmortemPermissionRules),
  'catalog-entity': [
    {
      name: 'IS_ENTITY_OWNER',
      apply: (owner: string, params: { claims: string[] }) =>
        params.claims.includes(owner),
    },
  ],
};

// A decision as the caller meets it: on the resource, conditions applied.
function outcome(decision: PolicyDecision, resource: unknown) {
  if (decision.result !== AuthorizeResult.CONDITIONAL) {
    return decision.result === AuthorizeResult.ALLOW ? 'allow' : 'deny';
  }
  const rules = RULES[decision.resourceType];
  const authorize = createConditionAuthorizer<unknown>({
    getRuleByName: name => {
      const rule = rules.find(r => r.name === name);
      if (!rule) throw new Error(`no rule ${name}`);
      return rule as any;
    },
  });
  return authorize(decision, resource) ? 'allow' : 'deny';
}

const RESOURCE: Record<string, unknown> = {
  'reliability-incident': incident(),
  'reliability-postmortem': postmortem,
  'catalog-entity': entityOwner,
};

// The answer each caller must get. `platform` owns every resource above;
// `web` owns none; `sre` is the demo's operator and responder.
const EXPECTED: Record<
  string,
  { platform: string; web: string; sre: string; none: string }
> = {
  'reliability.runbook.refresh': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  // Acknowledging a violation and exporting audit evidence: the owners of
  // the entity only; no machine token.
  'reliability.recovery.violation.acknowledge': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'reliability.recovery.evidence.export': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'reliability.backup.report': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'reliability.postmortem.create': {
    platform: 'allow',
    web: 'allow',
    sre: 'allow',
    none: 'allow',
  },
  'reliability.postmortem.update': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'reliability.postmortem.publish': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'reliability.postmortem.delete': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'reliability.incident.import': {
    platform: 'deny',
    web: 'deny',
    sre: 'allow',
    none: 'deny',
  },
  'reliability.incident.create': {
    platform: 'allow',
    web: 'allow',
    sre: 'allow',
    none: 'allow',
  },
  'reliability.incident.update': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'reliability.incident.command': {
    platform: 'allow',
    web: 'deny',
    sre: 'allow',
    none: 'deny',
  },
  'reliability.incident.contribute': {
    platform: 'allow',
    web: 'allow',
    sre: 'allow',
    none: 'deny',
  },
  'reliability.incident.alert': {
    platform: 'deny',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'catalog.entity.read': {
    platform: 'allow',
    web: 'allow',
    sre: 'allow',
    none: 'allow',
  },
  'catalog.entity.delete': {
    platform: 'allow',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
  'catalog.location.delete': {
    platform: 'deny',
    web: 'deny',
    sre: 'deny',
    none: 'deny',
  },
};

const ALL: Permission[] = [
  ...reliabilityPermissions,
  catalogEntityReadPermission,
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
];

describe('ReliabilityDemoPolicy', () => {
  let claims: string[] = [];
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async () => ({
      userEntityRef: claims[0],
      ownershipEntityRefs: claims,
    }),
  });
  const policy = new ReliabilityDemoPolicy(userInfo);
  const as = (person: Person): PolicyQueryUser => {
    claims = PEOPLE[person];
    return {
      credentials: mockCredentials.user(claims[0]),
      info: { userEntityRef: claims[0], ownershipEntityRefs: claims },
    };
  };

  it('has an expected answer for every permission of the suite', () => {
    expect(reliabilityPermissions.map(p => p.name).sort()).toEqual(
      Object.keys(EXPECTED)
        .filter(k => k.startsWith('reliability.'))
        .sort(),
    );
  });

  it.each(ALL.map(p => [p.name, p] as const))(
    '%s: owner, non-owner, SRE and no user get their answer',
    async (name, permission) => {
      const resourceType = (permission as { resourceType?: string })
        .resourceType;
      const resource = resourceType ? RESOURCE[resourceType] : undefined;
      const answers: Record<string, string> = {};
      for (const person of ['platform', 'web', 'sre'] as const) {
        answers[person] = outcome(
          await policy.handle({ permission }, as(person)),
          resource,
        );
      }
      answers.none = outcome(await policy.handle({ permission }), resource);
      expect(answers).toEqual(EXPECTED[name]);
    },
  );

  it("takes command of an incident nobody leads: the affected entities' owners and the responders, not everyone", async () => {
    const unled = incident({ commander: undefined, roles: [] });
    const command = reliabilityPermissions.find(
      p => p.name === 'reliability.incident.command',
    )!;
    const update = reliabilityPermissions.find(
      p => p.name === 'reliability.incident.update',
    )!;
    expect(
      outcome(
        await policy.handle({ permission: command }, as('platform')),
        unled,
      ),
    ).toBe('allow');
    expect(
      outcome(await policy.handle({ permission: command }, as('sre')), unled),
    ).toBe('allow');
    expect(
      outcome(await policy.handle({ permission: command }, as('web')), unled),
    ).toBe('deny');
    // Nobody leading it lets nobody else change it.
    expect(
      outcome(await policy.handle({ permission: update }, as('web')), unled),
    ).toBe('deny');
    expect(
      outcome(await policy.handle({ permission: update }, as('sre')), unled),
    ).toBe('deny');
    expect(DEMO_ROLES.responders).toEqual(['group:default/sre-team']);
  });
});

describe("the demo's machine tokens", () => {
  const config = parse(
    readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
  );
  const tokens: Array<{
    options: { subject: string };
    accessRestrictions: Array<{
      plugin: string;
      permission?: string | string[];
    }>;
  }> = config.backend.auth.externalAccess;
  const client = ServerPermissionClient.fromConfig(
    new ConfigReader({ permission: { enabled: true } }),
    { discovery: mockServices.discovery(), auth: mockServices.auth() },
  );
  // Each token, and the one permission of its job.
  const JOBS: Record<string, string> = {
    'backup-reporter': 'reliability.backup.report',
    'sre-backup-reporter': 'reliability.backup.report',
    alertmanager: 'reliability.incident.alert',
    'incident-import': 'reliability.incident.import',
  };

  it('are the ones listed here, each restricted to the reliability plugin', () => {
    expect(tokens.map(t => t.options.subject).sort()).toEqual(
      Object.keys(JOBS).sort(),
    );
    for (const t of tokens) {
      expect(t.accessRestrictions.map(r => r.plugin)).toEqual(['reliability']);
    }
  });

  it.each(Object.entries(JOBS))(
    '%s may do %s and nothing else',
    async (subject, job) => {
      const token = tokens.find(t => t.options.subject === subject)!;
      const [restriction] = token.accessRestrictions;
      const credentials = mockCredentials.service(subject, {
        permissionNames: ([] as string[]).concat(restriction.permission ?? []),
      });
      const decisions = await client.authorize(
        reliabilityPermissions.map(permission =>
          'resourceType' in permission
            ? { permission, resourceRef: 'component:default/insights-api' }
            : { permission },
        ) as any,
        { credentials },
      );
      const allowed = reliabilityPermissions
        .filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW)
        .map(p => p.name);
      expect(allowed).toEqual([job]);
    },
  );

  it('a postmortem is written by people', async () => {
    const [decision] = await client.authorize(
      [{ permission: reliabilityPostmortemCreatePermission }],
      {
        credentials: mockCredentials.service('alertmanager', {
          permissionNames: ['reliability.incident.alert'],
        }),
      },
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });
});
