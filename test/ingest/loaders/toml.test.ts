import { ErrorCode } from '../../../src/errors';
import { loadToml } from '../../../ingest/loaders/toml';
import { loaderFor } from '../../../ingest/loaders/index';

const TOML = `# Reporting service
title = "reporting"

[database]
# where the app stores reports
host = "db.internal"
port = 5432

[[jobs]]
name = "nightly"
cron = "0 3 * * *"
`;

describe('loadToml', () => {
  test('a .toml file gets the TOML loader, one chunk per table with its lines and first line number', async () => {
    const content = Buffer.from(TOML);
    expect(loaderFor('config/app.toml', content)).toBe(loadToml);
    const { chunks } = await loadToml(content, 'config/app.toml');
    expect(chunks.map((c) => [c.section, c.line])).toEqual([
      ['app.toml', 1],
      ['app.toml > database', 4],
      ['app.toml > jobs', 9],
    ]);
    expect(chunks[1].text).toContain('# where the app stores reports\nhost = "db.internal"');
  });

  test('invalid TOML is a ParseFailed error naming the file, not a crash', async () => {
    await expect(loadToml(Buffer.from('[server\nport = 1\n'), 'bad.toml')).rejects.toMatchObject({ code: ErrorCode.ParseFailed, message: expect.stringContaining('bad.toml: not valid TOML') });
  });
});
