import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { renderReport } from '../../src/terminal/report-text';
import { loadConfig } from '../../src/config';
import { runConsole } from '../../src/console/console';
import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import type { MetricEvent } from '../../src/metrics/types';
import { tmpDir } from '../support/tmp';

/** The console's `report` prints the current week exactly as `deskmate report` does, from the same store. */
describe('local console: report', () => {
  it('prints this week\'s report from the metrics store in DESKMATE_DATA_DIR', async () => {
    const dataDir = tmpDir();
    const at = Date.now() - 60_000;
    const store = SqliteMetricsStore.open(dataDir);
    const events: MetricEvent[] = [
      { type: 'senior_ping', at, ref: 'C1:1.1', actor: 'UJ', senior: 'USEN', channel: 'C1', channelKind: 'channel', isQuestion: true, mode: 'active' },
      { type: 'question_asked', at, ref: 'C1:1.1', actor: 'UJ', channel: 'C1', channelKind: 'channel', confidence: 0.9, topic: 'api', text: 'how do I page shipments?', mode: 'active' },
      { type: 'answered', at: at + 3000, ref: 'C1:1.1', actor: 'bot', mode: 'active' },
      { type: 'question_asked', at, ref: 'C1:2.1', actor: 'UJ', channel: 'C1', channelKind: 'channel', confidence: 0.2, topic: 'api', text: 'why retries?', mode: 'active' },
      { type: 'escalated', at: at + 1000, ref: 'C1:2.1', actor: 'bot', senior: 'USEN', reason: 'design rationale', mode: 'active' },
    ];
    await store.recordMany(events);
    await store.close();
    const config = loadConfig({ env: { DESKMATE_DATA_DIR: dataDir }, cwd: tmpDir() });

    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    await runConsole(config, { indexDir: path.join(tmpDir(), 'docs-index'), input: Readable.from(['report\n']), output, interactive: false });

    expect(text).toContain('Questions: 2 = 1 answered + 1 escalated\n');
    expect(text).toContain('Escalation reasons: design rationale 1');
    expect(text).toContain(await renderReport(config));
  });
});
