import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY as directory } from '../database/database';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('migrations on %s', id => {
  it('rewrites bare-name authors stored as component refs to user refs, owners to group refs', async () => {
    const knex = await databases.init(id);
    // Up to the postmortems table, as the previous release left it.
    await knex.migrate.up({ directory }); // runbooks
    await knex.migrate.up({ directory }); // postmortems
    const now = new Date();
    const row = (id_: string, body: object, owner: string | null) => ({
      id: id_,
      version: 1,
      title: 'Outage',
      status: 'draft',
      owner,
      created_at: now,
      created_by: 'user:default/guest',
      updated_at: now,
      updated_by: 'user:default/guest',
      linked_owners: '[]',
      body: JSON.stringify(body),
    });
    await knex('reliability_postmortems').insert([
      row(
        'old',
        {
          title: 'Outage',
          authors: ['component:default/amara.okafor', 'user:default/jon'],
          owner: 'component:default/platform-team',
        },
        'component:default/platform-team',
      ),
      row('fine', { title: 'Fine', authors: ['user:default/jon'] }, null),
    ]);

    await knex.migrate.latest({ directory });

    const rows = await knex('reliability_postmortems')
      .select('id', 'owner', 'body')
      .orderBy('id');
    expect(
      rows.map(r => ({ id: r.id, owner: r.owner, body: JSON.parse(r.body) })),
    ).toEqual([
      {
        id: 'fine',
        owner: null,
        body: { title: 'Fine', authors: ['user:default/jon'] },
      },
      {
        id: 'old',
        owner: 'group:default/platform-team',
        body: {
          title: 'Outage',
          authors: ['user:default/amara.okafor', 'user:default/jon'],
          owner: 'group:default/platform-team',
        },
      },
    ]);
    await knex.migrate.rollback({ directory }, true);
    await knex.destroy();
  });
});
