import { openStateFile, stateFileError } from '../db/sqlite-file.js';
import { storableText } from '../db/storable-text.js';
import { sql, type Generated, type Kysely } from 'kysely';
import { postgresHandle, sqliteHandle, type DbHandle } from '../db/kysely.js';
import type { Config, LlmTask } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { migrateSqlite } from '../db/migrate.js';
import { acquirePostgres } from '../db/pool.js';


/** One LLM call: who asked, which task and model, tokens and estimated USD. */
interface UsageRecord {
  at: number;
  task: LlmTask;
  user: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  usd: number;
  /** False when the model's price is unknown (usd is 0, and the report says so). */
  priced: boolean;
}

export interface UsageTotal {
  task: LlmTask;
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  usd: number;
  unpricedCalls: number;
}

/** Where usage lives so rate limits and monthly caps survive restarts (and are shared by replicas on PostgreSQL). */
export interface UsageStore {
  record(r: UsageRecord): Promise<void>;
  userCallsSince(user: string, since: number): Promise<number>;
  taskSpendSince(task: LlmTask, since: number): Promise<number>;
  totals(from: number, to: number): Promise<UsageTotal[]>;
  close(): Promise<void>;
}

/** llm_usage as both databases hold it since step 2; `priced` written as 1/0, which both accept. */
interface UsageTables {
  llm_usage: { id: Generated<number | string>; at: number | string; task: string; user_id: string; model: string; input_tokens: number; output_tokens: number; usd: number; priced: number | boolean };
}

/** Usage in one query codebase for SQLite and PostgreSQL; the two subclasses only open and migrate. */
class KyselyUsageStore implements UsageStore {
  private readonly db: Kysely<UsageTables>;

  protected constructor(private readonly handle: DbHandle<UsageTables>) {
    this.db = handle.db;
  }

  async record(r: UsageRecord): Promise<void> {
    await this.db
      .insertInto('llm_usage')
      .values({ at: r.at, task: r.task, user_id: storableText(r.user), model: storableText(r.model), input_tokens: r.inputTokens, output_tokens: r.outputTokens, usd: r.usd, priced: r.priced ? 1 : 0 })
      .execute();
  }

  async userCallsSince(user: string, since: number): Promise<number> {
    const row = await this.db.selectFrom('llm_usage').select(sql<number | string>`COUNT(*)`.as('n')).where('user_id', '=', user).where('at', '>=', since).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async taskSpendSince(task: LlmTask, since: number): Promise<number> {
    const row = await this.db.selectFrom('llm_usage').select(sql<number | string>`COALESCE(SUM(usd), 0)`.as('s')).where('task', '=', task).where('at', '>=', since).executeTakeFirstOrThrow();
    return Number(row.s);
  }

  async totals(from: number, to: number): Promise<UsageTotal[]> {
    const rows = await this.db
      .selectFrom('llm_usage')
      .select([
        'task',
        'model',
        sql<number>`COUNT(*)`.as('calls'),
        sql<number>`SUM(input_tokens)`.as('input_tokens'),
        sql<number>`SUM(output_tokens)`.as('output_tokens'),
        sql<number>`SUM(usd)`.as('usd'),
        // TRUE is 1 in SQLite and a boolean in PostgreSQL: the one comparison both accept.
        sql<number>`SUM(CASE WHEN priced = TRUE THEN 0 ELSE 1 END)`.as('unpriced'),
      ])
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy(['task', 'model'])
      .orderBy('task')
      .orderBy('model')
      .execute();
    return rows.map((r) => ({
      task: String(r.task) as LlmTask,
      model: String(r.model),
      calls: Number(r.calls),
      inputTokens: Number(r.input_tokens),
      outputTokens: Number(r.output_tokens),
      usd: Math.round(Number(r.usd) * 1e6) / 1e6,
      unpricedCalls: Number(r.unpriced),
    }));
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

export class SqliteUsageStore extends KyselyUsageStore {
  /** Opens (or shares) deskmate.sqlite under dataDir; WAL and a busy timeout let the main store use it too. */
  static open(dataDir: string, file = 'deskmate.sqlite'): SqliteUsageStore {
    const db = openStateFile(dataDir, 'LLM usage table', file);
    try {
      migrateSqlite(db);
      return new SqliteUsageStore(sqliteHandle<UsageTables>(db));
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'LLM usage table', file);
    }
  }
}

export class PostgresUsageStore extends KyselyUsageStore {
  static async open(databaseUrl: string): Promise<PostgresUsageStore> {
    try {
      const { pool, release } = await acquirePostgres(databaseUrl);
      return new PostgresUsageStore(postgresHandle<UsageTables>(pool, release));
    } catch (err) {
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot prepare the LLM usage table in PostgreSQL: ${(err as Error).message}.`, { cause: err });
    }
  }
}

/** PostgreSQL when DATABASE_URL is set (replicas share limits), else SQLite under the data dir. */
export async function openUsageStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<UsageStore> {
  return config.databaseUrl ? PostgresUsageStore.open(config.databaseUrl) : SqliteUsageStore.open(config.dataDir);
}
