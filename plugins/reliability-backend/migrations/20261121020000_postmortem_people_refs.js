// @ts-check

/**
 * People are user refs, owners user or group refs. Before this, a bare name
 * in a postmortem's authors or owner was stored as a component ref
 * (`component:default/amara.okafor`), which cost that author their edit
 * rights and made the record fail validation on its next save. Such refs are
 * rewritten: an author to `user:`, an owner to `group:` (as a bare name in a
 * catalog `spec.owner` means).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @type {(ref: unknown, kind: string) => unknown} */
  const asKind = (ref, kind) =>
    typeof ref === 'string' && ref.startsWith('component:')
      ? `${kind}:${ref.slice('component:'.length)}`
      : ref;
  const rows = await knex('reliability_postmortems').select('id', 'body');
  for (const row of rows) {
    const body = JSON.parse(row.body);
    const authors = Array.isArray(body.authors)
      ? [
          ...new Set(
            body.authors.map((/** @type {unknown} */ a) => asKind(a, 'user')),
          ),
        ]
      : body.authors;
    const owner = asKind(body.owner, 'group');
    if (
      JSON.stringify(authors) === JSON.stringify(body.authors) &&
      owner === body.owner
    ) {
      continue;
    }
    await knex('reliability_postmortems')
      .where({ id: row.id })
      .update({
        body: JSON.stringify({ ...body, authors, owner }),
        owner: owner ?? null,
      });
  }
};

/**
 * Nothing to undo: the rewritten refs are what the records meant.
 *
 * @param {import('knex').Knex} _knex
 */
exports.down = async function down(_knex) {};
