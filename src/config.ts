import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { configureSanitizer, parseAllowEntry } from './security/sanitize/allowlist.js';
import { z } from 'zod';
import { closestKey, cronString, keysAt, timeZoneString } from './config-hints.js';
import { DeskmateError, ErrorCode } from './errors.js';

/**
 * The one reader of process.env and the config file. Every setting has a default that
 * works offline; a malformed one stops start-up with a message naming it and what to set.
 */

const idList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

const modelSchema = z
  .object({
    model: z.string().min(1).optional(),
    baseUrl: z.string().url().optional(),
    timeoutMs: z.number().int().positive().optional(),
    /** Estimated USD per 1,000 tokens; unset falls back to a small table by model name (unknown → 0). */
    costPer1kInput: z.number().min(0).optional(),
    costPer1kOutput: z.number().min(0).optional(),
  })
  .strict();

// Intent is classified by pure rules (src/knowledge/intent), so it has no model to configure.
const tasks = ['answer', 'tutor', 'copy', 'scaffold', 'review'] as const;
export type LlmTask = (typeof tasks)[number];

export const configSchema = z
  .object({
    index: z
      .object({
        dir: z.string().default('docs-index'),
        /** Doc paths that `/deskmate reindex` and a first run ingest; empty means the bundled samples. */
        sources: z.array(z.string()).default([]),
      })
      .strict()
      .default({}),
    embedder: z
      .object({
        provider: z.enum(['local', 'openai']).optional(),
        model: z.string().default('text-embedding-3-small'),
      })
      .strict()
      .default({}),
    openai: z
      .object({
        apiKey: z.string().min(1).optional(),
        baseUrl: z.string().url().optional(),
        defaultModel: z.string().default('gpt-4o-mini'),
        timeoutMs: z.number().int().positive().default(20000),
      })
      .strict()
      .default({}),
    models: z.object(Object.fromEntries(tasks.map((t) => [t, modelSchema.optional()])) as Record<LlmTask, z.ZodOptional<typeof modelSchema>>).strict().default({}),
    retrieval: z
      .object({
        /**
         * Below this confidence (the fitted model's probability that the answer carries the key facts)
         * a question is escalated. The default is bench/fit-confidence.ts's FITTED_THRESHOLD.
         */
        minConfidence: z.number().min(0).max(1).default(0.6),
        /**
         * Citations as links: stored path prefix → URL template with {path} (the rest of the path),
         * {anchor} (the heading's slug) and {line}; the longest matching prefix wins, "" matches all.
         * E.g. { "mastodon-api/": "https://github.com/mastodon/documentation/blob/main/content/en/{path}#{anchor}" }.
         */
        sourceUrls: z.record(z.string(), z.string().min(1)).default({}),
      })
      .strict()
      .default({}),
    slack: z
      .object({
        botToken: z.string().optional(),
        appToken: z.string().optional(),
        signingSecret: z.string().optional(),
        apiUrl: z.string().url().optional(),
        botUserId: z.string().optional(),
        botId: z.string().optional(),
        port: z.coerce.number().int().min(0).max(65535).default(3000),
      })
      .strict()
      .default({}),
    dataDir: z.string().default('./data'),
    databaseUrl: z.string().optional(),
    mode: z.enum(['active', 'observe']).default('active'),
    seniors: idList.default([]),
    admins: idList.default([]),
    proactiveChannels: idList.default([]),
    topics: z
      .array(z.object({ name: z.string(), keywords: z.array(z.string()).default([]), seniors: idList }).strict())
      .default([]),
    /** Slack-side escalation: per-senior working hours (unset means always) and the unclaimed reminder. */
    escalation: z
      .object({
        workingHours: z
          .record(z.string(), z.object({ timezone: z.string().default('UTC'), start: z.string().regex(/^\d{1,2}:\d{2}$/), end: z.string().regex(/^\d{1,2}:\d{2}$/), days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]) }).strict())
          .default({}),
        remindAfterMinutes: z.number().positive().default(60),
      })
      .strict()
      .default({}),
    /** Who may read answers from the internal docs: Slack guests and Slack Connect users are refused unless allowed. */
    access: z.object({ allowGuests: z.boolean().default(false), allowExternal: z.boolean().default(false) }).strict().default({}),
    /** Stored questions, turns, feedback and closed escalations older than `days` are purged on `cron` (in UTC). */
    retention: z.object({ days: z.number().int().positive().default(90), cron: cronString('17 3 * * *') }).strict().default({}),
    /** LLM budget: LLM calls per user per hour and a monthly USD cap per task; past them the offline path answers. */
    limits: z
      .object({
        perUserPerHour: z.number().int().positive().default(30),
        monthlyCapUsd: z.object(Object.fromEntries(tasks.map((t) => [t, z.number().min(0).optional()])) as Record<LlmTask, z.ZodOptional<z.ZodNumber>>).strict().default({}),
      })
      .strict()
      .default({}),
    /** Files shared with Deskmate in a DM: larger files are refused with a message. */
    uploads: z.object({ maxBytes: z.number().int().positive().default(5 * 1024 * 1024) }).strict().default({}),
    /**
     * What the sanitizer must leave alone: literal strings, or `/pattern/flags` regular expressions
     * matched against a whole redacted value (e.g. a team's public build ids).
     */
    sanitize: z
      .object({
        allow: z
          .array(
            z.string().min(1).refine((entry) => {
              try {
                parseAllowEntry(entry);
                return true;
              } catch {
                return false;
              }
            }, 'not a valid regular expression (write /pattern/flags, or a plain literal string)'),
          )
          .default([]),
      })
      .strict()
      .default({}),
    /** Unprompted answers in opted-in channels only go out above this retrieval confidence. */
    proactive: z.object({ minConfidence: z.number().min(0).max(1).default(0.7) }).strict().default({}),
    copy: z
      .object({
        productName: z.string().optional(),
        brandVoiceFile: z.string().optional(),
        announcementsChannel: z.string().optional(),
      })
      .strict()
      .default({}),
    /** /scaffold: a lint/style file (e.g. .eslintrc, ruff.toml, a CONVENTIONS.md) injected into the prompt. */
    scaffold: z.object({ conventionsFile: z.string().optional() }).strict().default({}),
    report: z
      .object({
        cron: cronString('0 9 * * 1'),
        timezone: timeZoneString('UTC'),
        dashboardChannel: z.string().optional(),
        /** ISO weekdays (1 = Monday) that count as working days for "interruptions per working day". */
        workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
        /** Questions answered below this confidence count towards knowledge gaps (default: retrieval.minConfidence). */
        gapConfidence: z.number().min(0).max(1).optional(),
        /** An empty week posts a short "no data" note unless this is true, which skips the post. */
        skipEmptyWeek: z.boolean().default(false),
      })
      .strict()
      .default({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

/** Environment variables and the config key each one overrides. */
const ENV_MAP: Array<[string, string[]]> = [
  ['OPENAI_API_KEY', ['openai', 'apiKey']],
  ['OPENAI_BASE_URL', ['openai', 'baseUrl']],
  ['DESKMATE_INDEX_DIR', ['index', 'dir']],
  ['DESKMATE_EMBEDDER', ['embedder', 'provider']],
  ['SLACK_BOT_TOKEN', ['slack', 'botToken']],
  ['SLACK_APP_TOKEN', ['slack', 'appToken']],
  ['SLACK_SIGNING_SECRET', ['slack', 'signingSecret']],
  ['SLACK_API_URL', ['slack', 'apiUrl']],
  ['SLACK_BOT_USER_ID', ['slack', 'botUserId']],
  ['SLACK_BOT_ID', ['slack', 'botId']],
  ['PORT', ['slack', 'port']],
  ['DESKMATE_DATA_DIR', ['dataDir']],
  ['DATABASE_URL', ['databaseUrl']],
  ['DESKMATE_MODE', ['mode']],
  ['DESKMATE_SENIORS', ['seniors']],
  ['DESKMATE_ADMINS', ['admins']],
  ['DESKMATE_PROACTIVE_CHANNELS', ['proactiveChannels']],
];

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

function envNameFor(keys: (string | number)[]): string | undefined {
  const joined = keys.join('.');
  return ENV_MAP.find(([, k]) => k.join('.') === joined)?.[0];
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = env.DESKMATE_CONFIG;
  const file = path.resolve(cwd, explicit ?? 'deskmate.config.yaml');
  let raw: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    try {
      const parsed: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
      if (parsed !== null && parsed !== undefined) {
        if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level must be a mapping of settings');
        raw = parsed as Record<string, unknown>;
        // A section whose keys are all commented out parses as null: treat it as absent.
        for (const [key, value] of Object.entries(raw)) if (value === null) delete raw[key];
      }
    } catch (err) {
      throw new DeskmateError(ErrorCode.ConfigFileUnreadable, `Cannot read config file ${file}: ${(err as Error).message}. Fix the YAML or point DESKMATE_CONFIG at another file.`, { cause: err });
    }
  } else if (explicit) {
    throw new DeskmateError(ErrorCode.ConfigFileUnreadable, `DESKMATE_CONFIG points at ${file}, which does not exist. Set it to an existing YAML file or unset it.`);
  }
  for (const [name, keys] of ENV_MAP) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(raw, keys, value);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(top level)';
      const envName = envNameFor(issue.path);
      const where = envName ? `${key} (or ${envName})` : key;
      if (issue.code === z.ZodIssueCode.unrecognized_keys) {
        const known = keysAt(configSchema, issue.path);
        const at = issue.path.length ? `${key}.` : '';
        const hints = issue.keys.map((k) => {
          const guess = closestKey(k, known);
          return `"${at}${k}" is not a setting${guess ? `: did you mean "${at}${guess}"?` : ''}`;
        });
        return `  - ${hints.join('; ')}${known.length ? ` (known${at ? ` under ${key}` : ''}: ${known.join(', ')})` : ''}`;
      }
      return `  - ${where}: ${issue.message}`;
    });
    throw new DeskmateError(ErrorCode.ConfigInvalid, `Invalid configuration${fs.existsSync(file) ? ` in ${file}` : ''}:\n${problems.join('\n')}\nSee deskmate.config.example.yaml for every setting and its default.`);
  }
  // Every entry point loads the config first: the sanitizer's allowlist is set here so no adapter
  // can forget it.
  configureSanitizer(result.data.sanitize);
  return result.data;
}

/** The embedder a new index gets when nobody names one: OpenAI when a key or server is configured. */
export function defaultEmbedderProvider(config: Config): 'local' | 'openai' {
  if (config.embedder.provider) return config.embedder.provider;
  return config.openai.apiKey || config.openai.baseUrl ? 'openai' : 'local';
}

export function llmConfigured(config: Config): boolean {
  return Boolean(config.openai.apiKey || config.openai.baseUrl);
}

/**
 * Read before config so the logger exists early; the only other env reads. At a terminal the
 * default is warnings and errors only, so a person sees output meant for them; a service (stderr
 * not a TTY: Docker, systemd, CI) logs info. LOG_LEVEL always wins.
 */
export function envLogLevel(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stderr.isTTY)): string {
  return env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : isTTY ? 'warn' : 'info');
}

/** JSON lines for machines (not a TTY), one readable line per event at a terminal; LOG_FORMAT=json|pretty overrides. */
export function envLogFormat(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stderr.isTTY)): 'json' | 'pretty' {
  const asked = env.LOG_FORMAT?.toLowerCase();
  if (asked === 'json' || asked === 'pretty') return asked;
  return isTTY ? 'pretty' : 'json';
}
