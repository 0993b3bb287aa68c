import fs from 'node:fs';
import path from 'node:path';
import { configSchema } from '../../src/config';
import type { AskResult } from '../../src/knowledge/answer/ask';
import { answerMessage } from '../../src/slack/blocks/answer';
import { copyUploadToIndexSources, uploadTargetDir } from '../../src/slack/uploads/add-to-index';
import { tmpDir } from '../support/tmp';

const base: AskResult = { question: 'q', intent: 'answer', escalate: false, reason: 'r', confidence: 1, answer: 'a', sources: [], answeredBy: 'extractive' };
const footer = (answeredBy: string) => JSON.stringify(answerMessage({ ...base, answeredBy }, { questionId: 1 }).blocks);

describe('the answer footer names who answered', () => {
  test.each([
    ['gpt-4o-mini', /Answered by gpt-4o-mini\./],
    ['extractive', /Answered offline from the docs \(no language model\)/],
    ['schema-review', /Computed from the schema \(no language model\)/],
    ['<!channel>', /Answered by &lt;!channel&gt;/],
  ])('%s', (answeredBy, expected) => {
    expect(footer(answeredBy)).toMatch(expected);
  });
});

describe('where an admin-approved upload goes', () => {
  test('the first configured sources folder that exists', () => {
    const folder = tmpDir('deskmate-src-');
    const config = configSchema.parse({ index: { sources: [path.join(folder, 'missing'), folder] }, dataDir: tmpDir() });
    expect(uploadTargetDir(config)).toBe(folder);
  });

  test('else <dataDir>/uploads, and a hostile file name cannot leave that folder', () => {
    const dataDir = tmpDir();
    const config = configSchema.parse({ dataDir });
    const target = copyUploadToIndexSources(config, { id: 'x', channel: 'D1', user: 'U1', name: '../../etc/passwd .sql', bytes: Buffer.from('CREATE TABLE t (id INT);'), chunks: [], tables: [], at: 0 });
    expect(path.dirname(target)).toBe(path.join(dataDir, 'uploads'));
    expect(fs.readFileSync(target, 'utf8')).toContain('CREATE TABLE');
  });
});
