import { SqliteStore } from '../../src/store/sqlite';
import { PostgresStore } from '../../src/store/postgres';
import type { CopyDraftRecord, DeskmateStore } from '../../src/store/types';
import type { CopyDraft } from '../../src/copy/types';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';

/** Release-copy drafts and approvals (migration 4) behave the same on SQLite and PostgreSQL. */
interface Backend {
  name: string;
  create(): Promise<{ open(): Promise<DeskmateStore>; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [{ name: 'sqlite', create: async () => { const dir = tmpDir('deskmate-copy-store-'); return { open: async () => SqliteStore.open(dir), cleanup: async () => undefined }; } }];
const server = testDatabaseUrl();
if (server) backends.push({ name: 'postgres', create: async () => { const db = await freshDatabase(server); return { open: () => PostgresStore.open(db.url), cleanup: db.drop }; } });
else process.stderr.write('!!! copy drafts store suite: PostgreSQL SKIPPED (no TEST_DATABASE_URL) !!!\n');

const draft: CopyDraft = {
  headline: 'Latency reduced by 400ms for shipment lists',
  blurb: 'Shipment lists load faster. Latency dropped by 400ms.',
  captions: { x: 'x caption', linkedin: 'linkedin caption', mastodon: 'mastodon caption' },
  changelog: 'perf(shipments): cut list latency by 400ms (#12)',
  facts: ['400ms', '#12'],
  violations: [{ rule: 'banned_phrase', field: 'blurb', detail: 'banned phrase "seamless"', fixed: true, repair: 'removed' }],
  docs: [],
  source: 'offline',
  attempts: 0,
};

const record = (over: Partial<CopyDraftRecord> = {}): CopyDraftRecord => ({ id: 'd1', user: 'U1', channel: 'C1', messages: ['perf(shipments): cut list latency by 400ms (#12)'], draft, status: 'pending', createdAt: 1000, updatedAt: 1000, ...over });

describe.each(backends)('copy drafts on $name', (backend) => {
  let location: Awaited<ReturnType<Backend['create']>>;
  const opened: DeskmateStore[] = [];
  const open = async () => {
    const s = await location.open();
    opened.push(s);
    return s;
  };
  beforeEach(async () => {
    location = await backend.create();
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await location.cleanup();
  });

  test('a draft survives a restart with its text, inputs and violations', async () => {
    const store = await open();
    await store.saveCopyDraft(record());
    await store.close();
    const reopened = await open();
    expect(await reopened.getCopyDraft('d1')).toEqual(record());
    expect(await reopened.getCopyDraft('nope')).toBeUndefined();
  });

  test('saving again replaces the text and status but keeps the requester and creation time', async () => {
    const store = await open();
    await store.saveCopyDraft(record());
    await store.saveCopyDraft(record({ user: 'UOTHER', createdAt: 5, updatedAt: 2000, draft: { ...draft, headline: 'Edited' } }));
    expect(await store.getCopyDraft('d1')).toMatchObject({ user: 'U1', createdAt: 1000, updatedAt: 2000, draft: { headline: 'Edited' } });
  });

  test('only one of two concurrent status moves wins', async () => {
    const store = await open();
    const replica = await open();
    await store.saveCopyDraft(record());
    const wins = await Promise.all([store.moveCopyDraft('d1', 'pending', 'posting'), replica.moveCopyDraft('d1', 'pending', 'posting')]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.moveCopyDraft('d1', 'pending', 'discarded')).toBe(false);
    expect((await store.getCopyDraft('d1'))?.status).toBe('posting');
  });

  test('an approval records who, when and the final text, and marks the draft approved', async () => {
    const store = await open();
    await store.saveCopyDraft(record());
    await store.saveCopyDraft(record({ id: 'd2' }));
    const approval = await store.recordCopyApproval({ draftId: 'd1', approver: 'U1', channel: 'CANN', messageTs: '17.1', finalText: 'final words', approvedAt: 3000 });
    expect(approval).toEqual({ id: expect.any(Number), draftId: 'd1', approver: 'U1', channel: 'CANN', messageTs: '17.1', finalText: 'final words', approvedAt: 3000 });
    expect(await store.copyApprovals('d1')).toEqual([approval]);
    expect(await store.copyApprovals('d2')).toEqual([]);
    expect(await store.copyApprovals()).toEqual([approval]);
    expect(await store.getCopyDraft('d1')).toMatchObject({ status: 'approved', updatedAt: 3000 });
    expect((await store.getCopyDraft('d2'))?.status).toBe('pending');
  });
});
