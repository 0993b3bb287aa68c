import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DeskmateError, ErrorCode } from '../errors.js';
import { openSqlite, setPragma } from './sqlite-open.js';

/**
 * The one SQLite file that holds Deskmate's state (store, metrics, LLM usage), opened the same way by
 * each of them. A file that exists but is empty or damaged stops start-up with StoreCorrupt: SQLite
 * would happily treat a 0-byte file as a new database, and that silently drops every pending question
 * and open escalation. Nothing here ever deletes or recreates a file; `--reset-store` moves it aside.
 */
export const DB_FILE = 'deskmate.sqlite';

/** The -wal and -shm files belong to the database: they move with it. */
const COMPANIONS = ['', '-wal', '-shm'];

const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);
const ACCESS_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_IOERR', 'EACCES', 'EROFS', 'EPERM', 'ENOTDIR', 'EEXIST']);

function corrupt(file: string, what: string): DeskmateError {
  return new DeskmateError(
    ErrorCode.StoreCorrupt,
    `The Deskmate database ${file} ${what}, so its pending questions, escalations and metrics cannot be read. Deskmate did not start and changed nothing. ` +
      `Restore the file from a backup (stop Deskmate, copy the backup over ${file}, remove any ${path.basename(file)}-wal and -shm beside it), ` +
      `or start fresh with \`deskmate start --reset-store\`, which moves the bad file aside as ${path.basename(file)}.bad-<time> (nothing is deleted).`,
  );
}

/** Checked before SQLite sees the file: a 0-byte or non-SQLite file must not be taken for a new database. */
function checkExisting(file: string): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return; // not there yet: a first start creates it
  }
  if (size === 0) throw corrupt(file, 'is empty (0 bytes): it was truncated or replaced');
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\u0000') throw corrupt(file, 'is not an SQLite database (its header is wrong)');
}

/** Open (or migration) failures in words that fit the cause: damage is not a permission problem. */
export function stateFileError(err: unknown, dataDir: string, what: string, fileName = DB_FILE): DeskmateError {
  if (err instanceof DeskmateError) return err;
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, fileName);
  const code = String((err as { code?: unknown }).code ?? '');
  const message = (err as Error).message;
  if (CORRUPT_CODES.has(code) || /malformed|not a database|corrupt/i.test(message)) return new DeskmateError(ErrorCode.StoreCorrupt, corrupt(file, `is damaged (${message})`).userMessage, { cause: err });
  const hint = ACCESS_CODES.has(code) ? ' Check DESKMATE_DATA_DIR points at a writable folder.' : '';
  return new DeskmateError(ErrorCode.StoreFailed, `Cannot open the ${what} in ${dataDir}: ${message}.${hint}`, { cause: err });
}

/**
 * Opens (creating on first start) the state file in dataDir with WAL, and checks an existing one is
 * whole before anything reads or migrates it. `:memory:` gives a private in-memory database.
 */
export function openStateFile(dataDir: string, what: string, fileName = DB_FILE): Database.Database {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, fileName);
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:') {
      fs.mkdirSync(dataDir, { recursive: true });
      checkExisting(file);
    }
    db = openSqlite(file);
    setPragma(db, 'journal_mode = WAL');
    // WAL with NORMAL sync: commits survive a process crash without an fsync each (acks stay fast).
    setPragma(db, 'synchronous = NORMAL');
    setPragma(db, 'busy_timeout = 5000');
    // A half-truncated file opens fine and fails later on some page: find out now, before start-up goes on.
    const check = (db.prepare('PRAGMA quick_check(1)').get() as { quick_check?: unknown } | undefined)?.quick_check;
    if (check !== 'ok') throw corrupt(file, `is damaged (${String(check)})`);
    return db;
  } catch (err) {
    if (db?.open) db.close();
    throw stateFileError(err, dataDir, what, fileName);
  }
}

/**
 * `--reset-store`: moves the state file (and its -wal/-shm) aside as `deskmate.sqlite.bad-<time>`
 * so the next open starts fresh. Returns the paths it moved to; nothing is deleted.
 */
export function moveStateFileAside(dataDir: string, now: Date = new Date()): string[] {
  const file = path.join(dataDir, DB_FILE);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const moved: string[] = [];
  for (const suffix of COMPANIONS) {
    const from = file + suffix;
    if (!fs.existsSync(from)) continue;
    const to = `${file}.bad-${stamp}${suffix}`;
    fs.renameSync(from, to);
    moved.push(to);
  }
  return moved;
}

/**
 * What `--reset-store` does: a file that fails the start-up checks (StoreCorrupt) is moved aside;
 * a healthy one is left where it is (resetting is for recovery, not for wiping state). Returns the
 * paths moved to, empty when there was nothing bad to move.
 */
export function resetBadStateFile(dataDir: string, now: Date = new Date()): string[] {
  try {
    openStateFile(dataDir, 'Deskmate database').close();
    return [];
  } catch (err) {
    if ((err as { code?: unknown }).code !== ErrorCode.StoreCorrupt) throw err;
    return moveStateFileAside(dataDir, now);
  }
}
