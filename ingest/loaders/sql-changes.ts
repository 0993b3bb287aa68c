import { normalizeName, qualifiedName, type QualifiedName, type SchemaFact } from './sql-facts.js';
import { splitTopLevelCommas } from './sql-tokens.js';

/**
 * The statements migrations use to change tables that earlier files created: DROP TABLE/INDEX,
 * RENAME TABLE (MySQL), and ALTER TABLE's DROP …, RENAME …, ALTER COLUMN … SET/DROP NOT NULL.
 * ADD actions in the same ALTER are left to the readers that already know them. Never throws.
 */

const NAME = String.raw`(?:"(?:[^"]|"")*"|\x60[^\x60]*\x60|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|\x60[^\x60]*\x60|[\w$]+))?`;

function q(raw: string): QualifiedName {
  return qualifiedName(raw.replace(/`([^`]*)`/g, '"$1"'));
}

function ident(raw: string): string {
  return normalizeName(raw.replace(/^`|`$/g, '"'));
}

/** True when a statement holds a change this reader handles (so the AST reader, which ignores them, must not be used alone). */
export function isSchemaChange(sql: string): boolean {
  return /^(DROP\s+(TABLE|INDEX)|RENAME\s+TABLE)\b/i.test(sql) || (/^ALTER\s+TABLE\b/i.test(sql) && splitTopLevelCommas(alterBody(sql)?.rest ?? '').some((a) => alterAction(a) !== undefined));
}

function alterBody(sql: string): { table: QualifiedName; raw: string; rest: string } | undefined {
  const m = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${NAME})\s+([\s\S]*)$`, 'i').exec(sql);
  return m ? { table: q(m[1]!), raw: m[1]!, rest: m[2] ?? '' } : undefined;
}

type Action = (table: QualifiedName) => SchemaFact;

function alterAction(action: string): Action | undefined {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(String.raw`^RENAME\s+TO\s+(${NAME})$`, 'i').exec(action))) {
    const to = q(m[1]!);
    return (table) => ({ kind: 'rename-table', table, to });
  }
  if ((m = new RegExp(String.raw`^RENAME\s+CONSTRAINT\s+(${NAME})\s+TO\s+(${NAME})$`, 'i').exec(action))) {
    const [from, to] = [ident(m[1]!), ident(m[2]!)];
    return (table) => ({ kind: 'rename-constraint', table, from, to });
  }
  if ((m = new RegExp(String.raw`^RENAME\s+(?:COLUMN\s+)?(${NAME})\s+TO\s+(${NAME})$`, 'i').exec(action))) {
    const [from, to] = [ident(m[1]!), ident(m[2]!)];
    return (table) => ({ kind: 'rename-column', table, from, to });
  }
  if ((m = new RegExp(String.raw`^CHANGE\s+(?:COLUMN\s+)?(${NAME})\s+(${NAME})\b`, 'i').exec(action))) {
    // MySQL: CHANGE old new type…
    const [from, to] = [ident(m[1]!), ident(m[2]!)];
    return from === to ? undefined : (table) => ({ kind: 'rename-column', table, from, to });
  }
  if (/^DROP\s+PRIMARY\s+KEY$/i.test(action)) return (table) => ({ kind: 'drop-primary-key', table });
  if ((m = new RegExp(String.raw`^DROP\s+FOREIGN\s+KEY\s+(?:IF\s+EXISTS\s+)?(${NAME})$`, 'i').exec(action))) {
    const name = ident(m[1]!);
    return (table) => ({ kind: 'drop-foreign-key', table, name });
  }
  if ((m = new RegExp(String.raw`^DROP\s+(?:CONSTRAINT|INDEX|KEY)\s+(?:IF\s+EXISTS\s+)?(${NAME})(?:\s+(?:CASCADE|RESTRICT))?$`, 'i').exec(action))) {
    const name = ident(m[1]!);
    return (table) => ({ kind: 'drop-constraint', table, name });
  }
  if ((m = new RegExp(String.raw`^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${NAME})(?:\s+(?:CASCADE|RESTRICT))?$`, 'i').exec(action))) {
    const column = ident(m[1]!);
    if (/^(CONSTRAINT|PRIMARY|FOREIGN|INDEX|KEY|DEFAULT|NOT)$/i.test(column)) return undefined;
    return (table) => ({ kind: 'drop-column', table, column });
  }
  if ((m = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${NAME})\s+(SET|DROP)\s+NOT\s+NULL$`, 'i').exec(action))) {
    const column = ident(m[1]!);
    const nullable = m[2]!.toUpperCase() === 'DROP';
    return (table) => ({ kind: 'set-nullable', table, column, nullable });
  }
  return undefined;
}

/**
 * The facts in one statement that holds changes, in the order written (DROP CONSTRAINT x, ADD
 * CONSTRAINT x … replaces it); an ALTER's other actions go to `other` (the ADD reader).
 */
export function changeFacts(sql: string, other: (alterSql: string) => SchemaFact[] = () => []): SchemaFact[] {
  const dropTables = /^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([\s\S]+?)(?:\s+(?:CASCADE|RESTRICT))?$/i.exec(sql);
  if (dropTables) return splitTopLevelCommas(dropTables[1]!).map((t) => ({ kind: 'drop-table', table: q(t) }));
  const dropIndex = /^DROP\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?([\s\S]+?)(?:\s+(?:CASCADE|RESTRICT))?$/i.exec(sql);
  if (dropIndex) {
    // MySQL writes DROP INDEX name ON table.
    const names = dropIndex[1]!.replace(/\s+ON\s+[\s\S]*$/i, '');
    return splitTopLevelCommas(names).map((n) => ({ kind: 'drop-index', name: q(n).name }));
  }
  const renameTables = /^RENAME\s+TABLE\s+([\s\S]+)$/i.exec(sql);
  if (renameTables) {
    return splitTopLevelCommas(renameTables[1]!).flatMap((pair): SchemaFact[] => {
      const m = new RegExp(String.raw`^(${NAME})\s+TO\s+(${NAME})$`, 'i').exec(pair);
      return m ? [{ kind: 'rename-table', table: q(m[1]!), to: q(m[2]!) }] : [];
    });
  }
  const alter = alterBody(sql);
  if (!alter) return [];
  return splitTopLevelCommas(alter.rest).flatMap((a) => {
    const act = alterAction(a.trim());
    return act ? [act(alter.table)] : other(`ALTER TABLE ${alter.raw} ${a}`);
  });
}
