import fs from 'node:fs';
import path from 'node:path';
import { discoverSources } from '../../ingest/discover';
import { tmpDir } from '../support/tmp';

/** A docs folder whose links and names try to reach files outside it. */
function craftedDocs(): { docs: string; outside: string } {
  const base = tmpDir('deskmate-traversal-');
  const docs = path.join(base, 'docs');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(docs, 'guide', 'a..b'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'passwd.md'), 'root:x:0:0');
  fs.writeFileSync(path.join(docs, 'guide', 'ok.md'), '# fine');
  fs.writeFileSync(path.join(docs, 'guide', 'a..b', 'dots.md'), '# dots in a folder name are just a name');
  fs.symlinkSync(path.join('..', '..', 'outside'), path.join(docs, 'guide', 'up'));
  fs.symlinkSync(path.join('..', '..', 'outside', 'passwd.md'), path.join(docs, 'guide', 'passwd.md'));
  fs.symlinkSync('/etc', path.join(docs, 'etc'));
  return { docs, outside };
}

test('links with .. components that leave the docs folder are skipped; names containing .. are not traversal', () => {
  const { docs } = craftedDocs();
  const found = discoverSources([docs]);
  expect(found.map((f) => f.relPath).sort()).toEqual(['guide/a..b/dots.md', 'guide/ok.md']);
  for (const f of found) expect(fs.realpathSync(f.absPath).startsWith(fs.realpathSync(docs) + path.sep)).toBe(true);
});

test('a root given with .. components is an explicit choice and is resolved, not refused', () => {
  const { docs, outside } = craftedDocs();
  const viaDots = path.join(docs, 'guide', '..', '..', 'outside');
  expect(discoverSources([viaDots]).map((f) => f.absPath)).toEqual([path.join(fs.realpathSync(outside), 'passwd.md')]);
});
