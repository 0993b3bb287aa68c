import cliProgress from 'cli-progress';

/** A progress bar on a terminal, plain lines otherwise (CI logs, pipes). */
export interface Progress {
  start(phase: string, total: number): void;
  tick(n?: number): void;
  stop(): void;
}

/** What each phase does, in words a user reads on the bar ("index 1/1" said nothing). */
const PHASES: Record<string, { label: string; unit?: string }> = {
  ingest: { label: 'Reading, sanitizing and embedding', unit: 'files' },
  index: { label: 'Writing the search index' },
};

export function describePhase(phase: string, done: number, total: number): string {
  const p = PHASES[phase];
  if (!p) return `${phase}: ${done}/${total}`;
  return p.unit ? `${p.label}: ${done}/${total} ${p.unit}` : `${p.label}${done >= total ? ': done' : ' …'}`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { start() {}, tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ stream, format: '{phase} [{bar}] {count} | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
    let current = '';
    let size = 0;
    let value = 0;
    const count = () => {
      const u = PHASES[current]?.unit;
      return u ? `${value}/${size} ${u}` : size > 1 ? `${value}/${size}` : value >= size ? 'done' : '…';
    };
    let running = false;
    return {
      start(phase, total) {
        if (running) bar.stop();
        current = phase;
        size = total;
        value = 0;
        bar.start(total, 0, { phase: (PHASES[phase]?.label ?? phase).padEnd(33), count: count() });
        running = true;
      },
      tick(n = 1) {
        value += n;
        bar.increment(n, { count: count() });
      },
      stop() {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let phase = '';
  let total = 0;
  let done = 0;
  let lastPct = -1;
  return {
    start(p, t) {
      phase = p;
      total = t;
      done = 0;
      lastPct = -1;
      stream.write(`${describePhase(phase, 0, total)}\n`);
    },
    tick(n = 1) {
      done += n;
      const pct = total ? Math.floor((done / total) * 4) * 25 : 100;
      if (pct !== lastPct && pct > 0) {
        lastPct = pct;
        stream.write(`${describePhase(phase, done, total)}${PHASES[phase]?.unit ? ` (${pct}%)` : ''}\n`);
      }
    },
    stop() {},
  };
}
