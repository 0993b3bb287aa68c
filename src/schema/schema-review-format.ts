import type { ForeignKeyRef, SchemaReview } from './schema-review.js';

/** Long lists are cut here: a reply past a few dozen lines stops being read. */
const MAX_ITEMS = 25;

function fkLabel(r: ForeignKeyRef): string {
  return `\`${r.table}(${r.columns.join(', ')})\` → \`${r.refTable}${r.refColumns.length ? `(${r.refColumns.join(', ')})` : ''}\`${r.name ? ` (${r.name})` : ''}${from(r.file)}`;
}

/** Which migration introduced a finding, when the review spans files. */
function from(file: string | undefined): string {
  return file ? ` — introduced in ${file}` : '';
}

function capped<T>(items: T[], render: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_ITEMS).map((i) => `• ${render(i)}`);
  if (items.length > MAX_ITEMS) lines.push(`• …and ${items.length - MAX_ITEMS} more`);
  return lines;
}

/** The review as plain text that also reads well as Slack mrkdwn (*bold*, `code`, • bullets). */
export function formatSchemaReview(review: SchemaReview): string {
  const out: string[] = [];
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    `*Schema review* — ${s(review.tableCount, 'table')}, ${s(review.cycles.length, 'foreign-key cycle')}, ${s(review.withoutPrimaryKey.length, 'table')} without a primary key, ${s(review.unindexedForeignKeys.length, 'unindexed foreign key')}.`,
  );

  if (review.migrations) {
    const f = review.migrations.files;
    out.push(`${s(f.length, 'migration file')} applied in order: ${f.length > 8 ? `${f.slice(0, 3).join(', ')}, … ${f.slice(-2).join(', ')}` : f.join(', ')}.`);
  }
  out.push('', '*Migration order* (foreign-key dependencies first; tables on one step do not depend on each other):');
  review.levels.forEach((groups, i) => {
    const name = (t: string) => (review.partitions[t]?.length ? `${t} (+${s(review.partitions[t].length, 'partition')})` : t);
    const parts = groups.map((g) => (g.cyclic ? `[cycle: ${g.tables.map(name).join(', ')}]` : g.tables.map(name).join(', ')));
    out.push(`${i + 1}. ${parts.join(', ')}`);
  });

  if (review.cycles.length) {
    out.push('', '*Foreign-key cycles*:');
    out.push(...capped(review.cycles.map((c, i) => ({ c, file: review.migrations?.cycles[i] })), ({ c, file }) => [...c, c[0]].join(' → ') + from(file)));
    out.push(
      'A migration that creates these tables in foreign-key order fails part-way: whichever table of a cycle goes first references one that does not exist yet. ' +
        'Create the tables without these constraints and add them afterwards (`ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY …`), or declare them `DEFERRABLE INITIALLY DEFERRED` so rows can be loaded inside one transaction:',
    );
    out.push(...capped(review.deferredForeignKeys, (r) => `${fkLabel(r)}${r.nullable ? '' : ' — NOT NULL, so loading data needs the constraint deferred'}`));
  } else {
    out.push('', 'No foreign-key cycles: creating the tables in the order above never references a missing table.');
  }

  if (review.selfReferences.length) {
    out.push('', '*Self-references* (not a cycle for ordering, but rows referencing rows of the same table must be inserted parents first, or with the constraint deferred):');
    out.push(...capped(review.selfReferences, fkLabel));
  }

  if (review.withoutPrimaryKey.length) {
    out.push('', '*Tables without a primary key* (rows cannot be addressed reliably; logical replication and many ORMs need one):');
    out.push(...capped(review.withoutPrimaryKey, (t) => `\`${t}\`${from(review.migrations?.withoutPrimaryKey[t])}`));
  }

  if (review.unindexedForeignKeys.length) {
    out.push('', '*Foreign keys without a covering index* (no index or primary key starts with these columns): every delete or key update on the parent scans the child table while holding locks — lock-contention risk. Consider `CREATE INDEX` on:');
    out.push(...capped(review.unindexedForeignKeys, fkLabel));
  }

  if (review.externalReferences.length) {
    out.push('', '*References to tables this schema does not define* (create them first, or they live elsewhere):');
    out.push(...capped(review.externalReferences, fkLabel));
  }
  return out.join('\n');
}
