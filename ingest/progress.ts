import cliProgress from 'cli-progress';

/** A progress bar on a terminal, plain lines otherwise (CI logs, pipes). */
export interface Progress {
  start(phase: string, total: number): void;
  tick(n?: number): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { start() {}, tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ stream, format: '{phase} [{bar}] {value}/{total} {percentage}% | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
    let running = false;
    return {
      start(phase, total) {
        if (running) bar.stop();
        bar.start(total, 0, { phase: phase.padEnd(9) });
        running = true;
      },
      tick(n = 1) {
        bar.increment(n);
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
      stream.write(`${phase}: 0/${total}\n`);
    },
    tick(n = 1) {
      done += n;
      const pct = total ? Math.floor((done / total) * 4) * 25 : 100;
      if (pct !== lastPct && pct > 0) {
        lastPct = pct;
        stream.write(`${phase}: ${done}/${total} (${pct}%)\n`);
      }
    },
    stop() {},
  };
}
