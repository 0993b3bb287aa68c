import { openStateFile, stateFileError } from '../db/sqlite-file.js';
import { storableText } from '../db/storable-text.js';
import type Database from 'better-sqlite3';
import pg from 'pg';
import type { Config, LlmTask } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { runPostgresMigrations } from '../store/pg-migrate.js';

const log = childLogger('llm.usage-store');

/** One LLM call: who asked, which task and model, tokens and estimated USD. */
export interface UsageRecord {
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

/**
 * Usage has its own table and version counter (not the main store's migration list), so it can
 * evolve without colliding with the store's numbered migrations. Append steps; never edit applied ones.
 */
export const USAGE_MIGRATIONS: Array<{ sqlite: string; postgres: string }> = [
  {
    sqlite: `CREATE TABLE llm_usage (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, task TEXT NOT NULL, user TEXT NOT NULL, model TEXT NOT NULL,
               input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, usd REAL NOT NULL, priced INTEGER NOT NULL);
             CREATE INDEX llm_usage_user ON llm_usage (user, at);
             CREATE INDEX llm_usage_task ON llm_usage (task, at);`,
    postgres: `CREATE TABLE llm_usage (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, task TEXT NOT NULL, user_id TEXT NOT NULL, model TEXT NOT NULL,
               input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, usd DOUBLE PRECISION NOT NULL, priced BOOLEAN NOT NULL);
             CREATE INDEX llm_usage_user ON llm_usage (user_id, at);
             CREATE INDEX llm_usage_task ON llm_usage (task, at);`,
  },
];

type Row = Record<string, unknown>;
const toTotal = (r: Row): UsageTotal => ({
  task: String(r.task) as LlmTask,
  model: String(r.model),
  calls: Number(r.calls),
  inputTokens: Number(r.input_tokens),
  outputTokens: Number(r.output_tokens),
  usd: Math.round(Number(r.usd) * 1e6) / 1e6,
  unpricedCalls: Number(r.unpriced),
});
const TOTALS_COLUMNS = 'task, model, COUNT(*) AS calls, SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, SUM(usd) AS usd';

export class SqliteUsageStore implements UsageStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (or shares) deskmate.sqlite under dataDir; WAL and a busy timeout let the main store use it too. */
  static open(dataDir: string, file = 'deskmate.sqlite'): SqliteUsageStore {
    const db = openStateFile(dataDir, 'LLM usage table', file);
    try {
      db.exec('CREATE TABLE IF NOT EXISTS deskmate_usage_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
      db.transaction(() => {
        const current = Number((db.prepare('SELECT MAX(version) AS v FROM deskmate_usage_migrations').get() as Row).v ?? 0);
        for (let v = current; v < USAGE_MIGRATIONS.length; v++) {
          db.exec(USAGE_MIGRATIONS[v].sqlite);
          db.prepare('INSERT INTO deskmate_usage_migrations VALUES (?, ?)').run(v + 1, Date.now());
        }
      }).immediate();
      return new SqliteUsageStore(db);
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'LLM usage table', file);
    }
  }

  async record(r: UsageRecord): Promise<void> {
    this.db.prepare('INSERT INTO llm_usage (at, task, user, model, input_tokens, output_tokens, usd, priced) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(r.at, r.task, storableText(r.user), storableText(r.model), r.inputTokens, r.outputTokens, r.usd, r.priced ? 1 : 0);
  }

  async userCallsSince(user: string, since: number): Promise<number> {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM llm_usage WHERE user = ? AND at >= ?').get(user, since) as Row).n);
  }

  async taskSpendSince(task: LlmTask, since: number): Promise<number> {
    return Number((this.db.prepare('SELECT COALESCE(SUM(usd), 0) AS s FROM llm_usage WHERE task = ? AND at >= ?').get(task, since) as Row).s);
  }

  async totals(from: number, to: number): Promise<UsageTotal[]> {
    const rows = this.db.prepare(`SELECT ${TOTALS_COLUMNS}, SUM(CASE WHEN priced = 0 THEN 1 ELSE 0 END) AS unpriced FROM llm_usage WHERE at >= ? AND at < ? GROUP BY task, model ORDER BY task, model`).all(from, to) as Row[];
    return rows.map(toTotal);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

export class PostgresUsageStore implements UsageStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(databaseUrl: string): Promise<PostgresUsageStore> {
    // allowExitOnIdle: a one-shot CLI run (deskmate ask) exits without closing the budget.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, allowExitOnIdle: true });
    pool.on('error', (err) => log.warn({ err: err.message }, 'idle PostgreSQL connection lost'));
    // A checked-out client whose server restarts emits 'error' too; unheard, it would kill the process.
    pool.on('connect', (client) => client.on('error', (err) => log.debug({ err: err.message }, 'PostgreSQL connection lost')));
    const client = await pool.connect();
    try {
      // "dsku": one replica migrates at a time
      await runPostgresMigrations(client, { table: 'deskmate_usage_migrations', lock: 0x64736b75, migrations: USAGE_MIGRATIONS.map((m) => m.postgres) });
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot prepare the LLM usage table in PostgreSQL: ${(err as Error).message}.`, { cause: err });
    } finally {
      client.release();
    }
    return new PostgresUsageStore(pool);
  }

  async record(r: UsageRecord): Promise<void> {
    await this.pool.query('INSERT INTO llm_usage (at, task, user_id, model, input_tokens, output_tokens, usd, priced) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [r.at, r.task, storableText(r.user), storableText(r.model), r.inputTokens, r.outputTokens, r.usd, r.priced]);
  }

  async userCallsSince(user: string, since: number): Promise<number> {
    const { rows } = await this.pool.query('SELECT COUNT(*) AS n FROM llm_usage WHERE user_id = $1 AND at >= $2', [user, since]);
    return Number(rows[0].n);
  }

  async taskSpendSince(task: LlmTask, since: number): Promise<number> {
    const { rows } = await this.pool.query('SELECT COALESCE(SUM(usd), 0) AS s FROM llm_usage WHERE task = $1 AND at >= $2', [task, since]);
    return Number(rows[0].s);
  }

  async totals(from: number, to: number): Promise<UsageTotal[]> {
    const { rows } = await this.pool.query(`SELECT ${TOTALS_COLUMNS}, SUM(CASE WHEN priced THEN 0 ELSE 1 END) AS unpriced FROM llm_usage WHERE at >= $1 AND at < $2 GROUP BY task, model ORDER BY task, model`, [from, to]);
    return rows.map(toTotal);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** PostgreSQL when DATABASE_URL is set (replicas share limits), else SQLite under the data dir. */
export async function openUsageStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<UsageStore> {
  return config.databaseUrl ? PostgresUsageStore.open(config.databaseUrl) : SqliteUsageStore.open(config.dataDir);
}
