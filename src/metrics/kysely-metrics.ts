import { sql, type Generated, type Insertable, type Kysely } from 'kysely';
import { compiledOnce, type DbHandle } from '../db/kysely.js';
import { EVENT_COLUMNS } from './migrations.js';
import { eventFromRow, eventValues } from './rows.js';
import type { BaselineAggregate, MetricEvent, MetricsStore } from './types.js';

/** metric_events as both databases hold it (migrations.ts); booleans written as 1/0, which both accept. */
export interface MetricsTables {
  metric_events: {
    id: Generated<number | string>;
    at: number | string;
    type: string;
    ref: string;
    actor: string;
    senior: string | null;
    channel: string | null;
    channel_kind: string | null;
    intent: string | null;
    confidence: number | null;
    topic: string | null;
    reason: string | null;
    feedback: string | null;
    is_question: number | boolean | null;
    mode: string;
    text: string | null;
  };
}

/** Rows per INSERT: 15 columns × 2,000 stays under both databases' bound-parameter limits (SQLite 32,766). */
const ROWS_PER_INSERT = 2_000;

function eventRow(e: MetricEvent): Insertable<MetricsTables['metric_events']> {
  const values = eventValues(e);
  const row = Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, typeof values[i] === 'boolean' ? (values[i] ? 1 : 0) : values[i]]));
  return row as unknown as Insertable<MetricsTables['metric_events']>;
}

/** Metric events in one query codebase for SQLite and PostgreSQL; SqliteMetricsStore and PostgresMetricsStore only open and migrate. */
export class KyselyMetricsStore implements MetricsStore {
  private readonly db: Kysely<MetricsTables>;

  protected constructor(private readonly handle: DbHandle<MetricsTables>) {
    this.db = handle.db;
  }

  async record(event: MetricEvent): Promise<void> {
    await this.db.insertInto('metric_events').values(eventRow(event)).execute();
  }

  /** Bulk insert in one transaction: on SQLite one statement compiled once and run per row, else a few thousand rows per statement. */
  async recordMany(events: MetricEvent[]): Promise<void> {
    if (events.length === 0) return;
    const withRaw = this.handle.withRawSqlite;
    if (withRaw) {
      const insertSql = compiledOnce(this.db.insertInto('metric_events').values(eventRow(events[0])));
      return withRaw((raw) => {
        const insert = raw.prepare(insertSql);
        raw.transaction(() => {
          // eventRow's keys are EVENT_COLUMNS in order, so the compiled statement binds eventValues as they come.
          for (const e of events) insert.run(eventValues(e).map((v) => (typeof v === 'boolean' ? Number(v) : v)));
        })();
      });
    }
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < events.length; i += ROWS_PER_INSERT) await trx.insertInto('metric_events').values(events.slice(i, i + ROWS_PER_INSERT).map(eventRow)).execute();
    });
  }

  async eventsBetween(from: number, to: number): Promise<MetricEvent[]> {
    const rows = await this.db.selectFrom('metric_events').selectAll().where('at', '>=', from).where('at', '<', to).orderBy('at').orderBy('id').execute();
    return rows.map((r) => eventFromRow(r as Record<string, unknown>));
  }

  async baseline(): Promise<BaselineAggregate> {
    const observedPings = this.db.selectFrom('metric_events').where('type', '=', 'senior_ping').where('mode', '=', 'observe');
    const total = await observedPings.select([sql<number | string>`COUNT(*)`.as('n'), sql<number | string | null>`MIN(at)`.as('first'), sql<number | string | null>`MAX(at)`.as('last')]).executeTakeFirstOrThrow();
    const bySenior = await observedPings.where('senior', 'is not', null).select(['senior', sql<number | string>`COUNT(*)`.as('n')]).groupBy('senior').execute();
    const perSenior: Record<string, number> = {};
    for (const r of bySenior) perSenior[String(r.senior)] = Number(r.n);
    return { pings: Number(total.n), firstAt: total.first === null ? undefined : Number(total.first), lastAt: total.last === null ? undefined : Number(total.last), perSenior };
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
