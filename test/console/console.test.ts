import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { runConsole } from '../../src/console/console';
import { tmpDir } from '../support/tmp';

async function session(lines: string, indexDir: string): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString('utf8')));
  await runConsole(loadConfig({ env: {}, cwd: tmpDir() }), { indexDir, input: Readable.from([lines]), output, interactive: false });
  return text;
}

describe('local console (stdin not a terminal)', () => {
  it('indexes the bundled samples on first run, answers each line, and exits at end of input', async () => {
    const indexDir = path.join(tmpDir(), 'docs-index');
    const text = await session('How do I list shipments?\nWhy did we choose cursor pagination?\n', indexDir);
    expect(text).toMatch(/First run: indexing the bundled sample docs/);
    expect(fs.existsSync(path.join(indexDir, 'manifest.json'))).toBe(true);
    expect(text).toContain('GET /shipments');
    expect(text).toMatch(/Sources:\n {2}\[1\] openapi\.yaml#GET \/shipments/);
    expect(text).toMatch(/→ Escalate to a senior: asks for the team's design rationale/);
  });

  it('does not re-index on later runs and answers help', async () => {
    const indexDir = path.join(tmpDir(), 'docs-index');
    await session('', indexDir);
    const text = await session('help\n', indexDir);
    expect(text).not.toMatch(/First run/);
    expect(text).toMatch(/Commands: help, reindex/);
  });
});
