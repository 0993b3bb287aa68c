import { cleanSummary, parseCommitMessages, selectNotable } from '../../src/copy/parse';
import { releaseItems } from '../../src/copy/release-notes';

describe('parseCommitMessages', () => {
  test('reads type, scope, summary without commit syntax, references', async () => {
    const [c] = await parseCommitMessages(['feat(server): accept `watch` options (#23133)']);
    expect(c).toMatchObject({ type: 'feat', scope: 'server', summary: 'accept watch options', breaking: false, references: ['#23133'] });
  });

  test('a ! in the header marks a breaking change', async () => {
    const [a, b] = await parseCommitMessages(['feat!: drop Node 18', 'refactor(core)!: rename the config loader']);
    expect(a).toMatchObject({ type: 'feat', breaking: true, summary: 'drop Node 18', breakingNotes: [] });
    expect(b).toMatchObject({ type: 'refactor', scope: 'core', breaking: true });
  });

  test('a BREAKING CHANGE footer is a breaking change with its note, and the body is kept', async () => {
    const [c] = await parseCommitMessages(['fix(api): return 404 for missing users\n\nUsed to return 500.\n\nBREAKING CHANGE: clients must handle 404\nCloses #77']);
    expect(c.breaking).toBe(true);
    expect(c.breakingNotes).toEqual(['clients must handle 404']);
    expect(c.body).toBe('Used to return 500.');
    expect(c.references).toEqual(['#77']);
  });

  test('a GitHub merge commit is read by the header on its next line', async () => {
    const [c] = await parseCommitMessages(['Merge pull request #45 from acme/export\nfeat(export): add CSV export']);
    expect(c).toMatchObject({ type: 'feat', scope: 'export', summary: 'add CSV export' });
  });

  test('a revert names what it reverts, without the type prefix', async () => {
    const [c] = await parseCommitMessages(['Revert "feat: add dark mode"\n\nThis reverts commit abc123def.']);
    expect(c.summary).toBe('revert "add dark mode"');
  });

  test('a branch merge is not notable when real changes exist', async () => {
    const commits = await parseCommitMessages(["Merge branch 'main' into next", 'fix: keep the sidebar open']);
    expect(selectNotable(commits).map((c) => c.summary)).toEqual(['keep the sidebar open']);
  });

  test('a non-conventional message is accepted with no type', async () => {
    const [c] = await parseCommitMessages(['Add CSV export to reports (#9)']);
    expect(c).toMatchObject({ type: null, scope: null, summary: 'Add CSV export to reports', header: 'Add CSV export to reports (#9)' });
  });
});

describe('selectNotable and releaseItems', () => {
  test('chore, ci, test, build, style and refactor drop out when something else is left', async () => {
    const commits = await parseCommitMessages(['chore: bump deps', 'ci: cache npm', 'feat: add dark mode', 'test: cover x', 'build: tweak', 'style: fmt', 'refactor: split', 'Fix typo in README']);
    expect(selectNotable(commits).map((c) => c.header)).toEqual(['feat: add dark mode', 'Fix typo in README']);
  });

  test('when only low-interest commits exist they are all kept', async () => {
    const commits = await parseCommitMessages(['chore: bump deps', 'ci: cache npm']);
    expect(selectNotable(commits)).toHaveLength(2);
  });

  test('a breaking refactor is notable', async () => {
    const commits = await parseCommitMessages(['refactor!: remove the v1 API', 'feat: add x']);
    expect(selectNotable(commits)).toHaveLength(2);
  });

  test('release notes come breaking first, then new, improved, fixed; docs, bumps, reverts and merges are left out', async () => {
    const commits = await parseCommitMessages(['fix: a', 'docs: b', 'perf: c', 'feat!: d', 'feat: e', 'Bumped v1.2.0', 'revert: f', "Merge branch 'main' into next", 'chore(deps): bump x from 1.0.0 to 1.0.1', 'update y to 2.0.0']);
    expect(releaseItems(commits).map((i) => [i.kind, i.commit.summary])).toEqual([
      ['breaking', 'd'],
      ['new', 'e'],
      ['improved', 'c'],
      ['fixed', 'a'],
    ]);
  });
});

describe('cleanSummary', () => {
  test.each([
    ['update esbuild to 0.18.10 (#13644)', 'update esbuild to 0.18.10'],
    ['add solidjs templates (#12218) (#12241)', 'add solidjs templates'],
    ['support `vite-ignore` attribute.', 'support vite-ignore attribute'],
    ['fix crash, see owner/repo#12', 'fix crash, see'],
    [':sparkles: add HTTP/2 push', 'add HTTP/2 push'],
    ['🎉 first release', 'first release'],
    ['speed up start (see https://example.com/pull/9)', 'speed up start'],
  ])('%s → %s', (input, expected) => {
    expect(cleanSummary(input)).toBe(expected);
  });
});
