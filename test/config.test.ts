import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, defaultEmbedderProvider } from '../src/config';
import { DeskmateError, ErrorCode } from '../src/errors';

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-config-'));
}

describe('loadConfig', () => {
  it('works with nothing configured: offline defaults everywhere', () => {
    const config = loadConfig({ env: {}, cwd: tmpDir() });
    expect(config.index.dir).toBe('docs-index');
    expect(config.dataDir).toBe('./data');
    expect(config.slack.port).toBe(3000);
    expect(defaultEmbedderProvider(config)).toBe('local');
  });

  it('reads deskmate.config.yaml and lets environment variables override it', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'deskmate.config.yaml'), 'dataDir: /srv/deskmate\nseniors: [U1, U2]\nslack:\n  port: 4000\n');
    const config = loadConfig({ env: { PORT: '5000', DESKMATE_ADMINS: 'UA, UB' }, cwd: dir });
    expect(config.dataDir).toBe('/srv/deskmate');
    expect(config.seniors).toEqual(['U1', 'U2']);
    expect(config.admins).toEqual(['UA', 'UB']);
    expect(config.slack.port).toBe(5000);
  });

  it('names the bad setting and its environment variable', () => {
    const dir = tmpDir();
    try {
      loadConfig({ env: { PORT: 'not-a-port', DESKMATE_MODE: 'loud' }, cwd: dir });
      throw new Error('expected a config error');
    } catch (err) {
      expect(err).toBeInstanceOf(DeskmateError);
      expect((err as DeskmateError).code).toBe(ErrorCode.ConfigInvalid);
      expect((err as DeskmateError).userMessage).toMatch(/slack\.port \(or PORT\)/);
      expect((err as DeskmateError).userMessage).toMatch(/mode \(or DESKMATE_MODE\)/);
    }
  });

  it('rejects unknown keys and malformed YAML with the file name', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'deskmate.config.yaml'), 'indx:\n  dir: x\n');
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(/indx/);
    fs.writeFileSync(path.join(dir, 'deskmate.config.yaml'), 'index: [unclosed\n');
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(/deskmate\.config\.yaml/);
  });

  it('stops when DESKMATE_CONFIG names a missing file', () => {
    expect(() => loadConfig({ env: { DESKMATE_CONFIG: 'nope.yaml' }, cwd: tmpDir() })).toThrow(/DESKMATE_CONFIG/);
  });

  it('picks the OpenAI embedder by default once a key or server is configured', () => {
    const config = loadConfig({ env: { OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }, cwd: tmpDir() });
    expect(defaultEmbedderProvider(config)).toBe('openai');
  });
});
