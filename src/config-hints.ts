import { Cron } from 'croner';
import { z } from 'zod';

/** Helpers that make config errors say what to type instead. */

/** A cron expression croner accepts, checked when the config loads rather than when the schedule first fires. */
export function cronString(fallback: string) {
  return z
    .string()
    .default(fallback)
    .superRefine((value, ctx) => {
      try {
        new Cron(value, { paused: true }).stop();
      } catch (err) {
        const why = ((err as Error).message ?? '').replace(/^CronPattern:\s*/, '');
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `"${value}" is not a cron expression (${why}). Use five fields, minute hour day-of-month month weekday: e.g. "0 9 * * 1" for Mondays at 09:00`,
        });
      }
    });
}

/** An IANA time zone name ("Europe/Berlin", "UTC"). */
export function timeZoneString(fallback: string) {
  return z
    .string()
    .default(fallback)
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      (tz) => ({ message: `"${tz}" is not a time zone: use an IANA name such as "UTC" or "Europe/Berlin"` }),
    );
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The known key a typo most likely meant: same letters ignoring case/_/-, else the closest within a few edits. */
export function closestKey(typo: string, known: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const exact = known.find((k) => norm(k) === norm(typo));
  if (exact) return exact;
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(norm(typo), norm(k));
    if (!best || d < best.d) best = { key: k, d };
  }
  return best && best.d <= Math.max(1, Math.floor(Math.max(typo.length, best.key.length) / 3)) ? best.key : undefined;
}

/** The keys an object schema accepts at `path` (through defaults, optionals, records and arrays). */
export function keysAt(schema: z.ZodTypeAny, path: Array<string | number>): string[] {
  let node: z.ZodTypeAny | undefined = schema;
  const unwrap = (s: z.ZodTypeAny): z.ZodTypeAny => {
    let cur = s;
    for (;;) {
      if (cur instanceof z.ZodDefault) cur = cur._def.innerType;
      else if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap();
      else if (cur instanceof z.ZodEffects) cur = cur.innerType();
      else return cur;
    }
  };
  for (const step of path) {
    if (!node) return [];
    const cur = unwrap(node);
    if (cur instanceof z.ZodObject) node = cur.shape[String(step)];
    else if (cur instanceof z.ZodRecord) node = cur.valueSchema;
    else if (cur instanceof z.ZodArray) node = cur.element;
    else return [];
  }
  const last = node ? unwrap(node) : undefined;
  return last instanceof z.ZodObject ? Object.keys(last.shape) : [];
}
