import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL for tests and the bench: initdb + pg_ctl in a temporary directory, on
 * loopback at a free port, its socket inside that directory. PostgreSQL refuses to run as root, so
 * under root the server runs as the `postgres` (else `nobody`) user, which owns the directory.
 */

export interface ThrowawayPostgres {
  url: string;
  dir: string;
  /** Stops the server for good and removes its directory. */
  stop(): void;
}

/**
 * A private server a test may take down and bring back on the same port (so the same URL works):
 * never do this to the shared server from globalSetup, other test files are using it. These run
 * pg_ctl asynchronously, so the code under test keeps running while the server goes and comes.
 */
export interface RestartablePostgres extends ThrowawayPostgres {
  /** `pg_ctl stop -m fast`: open sessions are terminated (57P01), new ones refused until started. */
  halt(): Promise<void>;
  /** Starts the stopped server again with the same data, port and options; resolves once it accepts connections. */
  resume(): Promise<void>;
  /** `pg_ctl restart -m fast`. */
  restart(): Promise<void>;
}

const SEARCH = ['/usr/local/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/14/bin', '/usr/pgsql/bin'];

/** The folder holding initdb, pg_ctl and postgres, or undefined when they are not installed. */
export function postgresBinDir(): string | undefined {
  const dirs = [...SEARCH, ...(process.env.PATH ?? '').split(path.delimiter)];
  return dirs.find((d) => d && ['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(d, b))));
}

function serverUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) if (spawnSync('id', ['-u', name]).status === 0) return name;
  throw new Error('running as root and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<RestartablePostgres | undefined> {
  const bin = postgresBinDir();
  if (!bin) return undefined;
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-pg-'));
  const data = path.join(dir, 'data');
  const command = (cmd: string, args: string[]): [string, string[]] => {
    const full = [path.join(bin, cmd), ...args];
    return user ? ['runuser', ['-u', user, '--', ...full]] : [full[0], full.slice(1)];
  };
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = command(cmd, args);
    execFileSync(file, argv, { stdio: 'pipe', cwd: dir });
  };
  const runAsync = (cmd: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [file, argv] = command(cmd, args);
      execFile(file, argv, { cwd: dir }, (err, _stdout, stderr) => (err ? reject(new Error(`${cmd} ${args.at(-1)} failed: ${err.message} ${stderr}`)) : resolve()));
    });
  if (user) execFileSync('chown', ['-R', user, dir]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const logFile = path.join(dir, 'server.log');
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL: ${(err as Error).message}\n${log}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => {
      try {
        // A restartable server may already be down (halted by a test that then failed).
        if (fs.existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    halt: () => runAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']),
    resume: () => runAsync('pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']),
    restart: () => runAsync('pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-m', 'fast', '-w', '-t', '60', 'restart']),
  };
}

/** The server the test command started (or TEST_DATABASE_URL); undefined means skip PostgreSQL. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** A fresh, empty database on the test server, so suites never see each other's rows. */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `deskmate_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
