import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalIntent } from '../../../bench/eval-intent';

describe('evalIntent', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'intent-eval-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts correct labels and lists each error with what was expected and what came out', () => {
    const rows = [
      { question: 'How do I delete a status?', label: 'answer' },
      { question: 'Why did we choose Kafka over RabbitMQ?', label: 'escalate' },
      // Deliberately mislabelled so the error path is exercised.
      { question: 'Should we rewrite the bot in Go?', label: 'answer' },
    ];
    writeFileSync(join(dir, 'intent-dev.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n\n');
    const result = evalIntent(dir);
    expect(result).toEqual({
      total: 3,
      correct: 2,
      accuracy: 2 / 3,
      errors: [{ question: 'Should we rewrite the bot in Go?', expected: 'answer', got: 'escalate' }],
    });
  });

  it('rejects a row without a valid label instead of scoring it', () => {
    writeFileSync(join(dir, 'intent-dev.jsonl'), JSON.stringify({ question: 'x', label: 'maybe' }) + '\n');
    expect(() => evalIntent(dir)).toThrow(/answer\/escalate label/);
  });
});
