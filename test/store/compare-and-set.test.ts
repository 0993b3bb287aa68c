import { PostgresStore } from '../../src/store/postgres';
import { SqliteStore } from '../../src/store/sqlite';
import type { CopyDraftRecord, DeskmateStore, Escalation } from '../../src/store/types';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';

/**
 * Two replicas on one database: state changes they can race are compare-and-set, so the loser gets a
 * typed result and the winner's write stands. Two store instances on one PostgreSQL database, and two
 * handles on one SQLite file.
 */
interface Backend {
  name: string;
  replicas(): Promise<{ a: DeskmateStore; b: DeskmateStore; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'sqlite (two handles on one file)',
    replicas: async () => {
      const dir = tmpDir('deskmate-cas-');
      const a = SqliteStore.open(dir);
      const b = SqliteStore.open(dir);
      return { a, b, cleanup: async () => { await a.close(); await b.close(); } };
    },
  },
];
const server = testDatabaseUrl();
if (server) {
  backends.push({
    name: 'postgres (two stores on one database)',
    replicas: async () => {
      const db = await freshDatabase(server);
      // A second URL spelling gets its own pool, as a second replica process would.
      const replicaUrl = new URL(db.url);
      replicaUrl.searchParams.set('application_name', 'deskmate-replica-b');
      const a = await PostgresStore.open(db.url);
      const b = await PostgresStore.open(replicaUrl.toString());
      return { a, b, cleanup: async () => { await a.close(); await b.close(); await db.drop(); } };
    },
  });
} else process.stderr.write('!!! compare-and-set suite: PostgreSQL SKIPPED (no TEST_DATABASE_URL) !!!\n');

const escalationInput = { channel: 'C1', threadTs: '1.1', asker: 'UASK', question: 'Why cursors?', topic: 'api', senior: 'USEN', reason: 'why-question' };
const claim = (e: Escalation): Escalation => ({ ...e, state: 'claimed', claimedBy: 'USEN' });
const remind = (e: Escalation): Escalation => ({ ...e, remindedAt: e.createdAt + 1 });
const handOver = (e: Escalation): Escalation => ({ ...e, senior: 'UOTHER', assignedAt: e.createdAt + 2, remindedAt: undefined });

describe.each(backends)('compare-and-set on $name', (backend) => {
  let a: DeskmateStore;
  let b: DeskmateStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ a, b, cleanup } = await backend.replicas());
  });
  afterEach(() => cleanup());

  test('a claim saved first is never overwritten by a sweep that read the escalation before it', async () => {
    const opened = await a.openEscalation(escalationInput);
    const seenBySweep = (await b.getEscalation(opened.id))!;
    const seenByClaim = (await a.getEscalation(opened.id))!;
    const claimed = await a.saveEscalation(claim(seenByClaim));
    expect(claimed).toMatchObject({ ok: true, escalation: { state: 'claimed', version: seenByClaim.version! + 1 } });
    for (const stale of [remind(seenBySweep), handOver(seenBySweep)]) {
      const lost = await b.saveEscalation(stale);
      expect(lost).toEqual({ ok: false, reason: 'conflict', current: expect.objectContaining({ state: 'claimed', claimedBy: 'USEN', senior: 'USEN' }) });
    }
    expect(await b.getEscalation(opened.id)).toMatchObject({ state: 'claimed', claimedBy: 'USEN', senior: 'USEN', remindedAt: undefined });
  });

  test('claim and sweep racing at once: exactly one wins, and the row holds the winner (repeated)', async () => {
    for (let round = 0; round < 25; round++) {
      const opened = await a.openEscalation({ ...escalationInput, threadTs: `${round}.1` });
      const [forClaim, forSweep] = await Promise.all([a.getEscalation(opened.id), b.getEscalation(opened.id)]);
      const [claimed, swept] = await Promise.all([a.saveEscalation(claim(forClaim!)), b.saveEscalation(handOver(forSweep!))]);
      expect([claimed.ok, swept.ok].filter(Boolean)).toHaveLength(1);
      const final = (await a.getEscalation(opened.id))!;
      if (claimed.ok) expect(final).toMatchObject({ state: 'claimed', claimedBy: 'USEN', senior: 'USEN' });
      else expect(final).toMatchObject({ state: 'open', senior: 'UOTHER', claimedBy: undefined });
      expect(final.version).toBe(1);
    }
  });

  test('the winner can keep going from the version it got back; a save for a missing escalation says so', async () => {
    const opened = await a.openEscalation(escalationInput);
    const first = await a.saveEscalation({ ...opened, noticeTs: '9.9' });
    if (!first.ok) throw new Error('first save lost');
    const second = await a.saveEscalation({ ...first.escalation, state: 'resolved', resolvedBy: 'USEN' });
    expect(second).toMatchObject({ ok: true, escalation: { version: 2, noticeTs: '9.9', state: 'resolved' } });
    expect(await b.saveEscalation({ ...opened, id: opened.id + 1000 })).toEqual({ ok: false, reason: 'missing', current: undefined });
  });

  const draft = (over: Partial<CopyDraftRecord> = {}): CopyDraftRecord => ({
    id: 'd1', user: 'U1', channel: 'C1', messages: ['feat: cursors'], status: 'pending', createdAt: 1, updatedAt: 1,
    draft: { headline: 'Cursors', body: 'Now with cursors.', captions: {}, violations: [], source: 'offline' } as unknown as CopyDraftRecord['draft'],
    ...over,
  });

  test('an edit on one replica does not overwrite a draft the other is posting, nor approve-race past a discard', async () => {
    expect(await a.saveCopyDraft(draft())).toBe(true);
    expect(await b.moveCopyDraft('d1', 'pending', 'posting')).toBe(true);
    expect(await a.saveCopyDraft(draft({ updatedAt: 5, draft: { ...draft().draft, headline: 'Edited late' } }))).toBe(false);
    expect(await a.getCopyDraft('d1')).toMatchObject({ status: 'posting', draft: { headline: 'Cursors' } });
    expect(await b.recordCopyApproval({ draftId: 'd1', approver: 'U1', channel: 'CANN', messageTs: '5.5', finalText: 'Cursors', approvedAt: 6 })).toMatchObject({ draftId: 'd1' });

    expect(await a.saveCopyDraft(draft({ id: 'd2' }))).toBe(true);
    expect(await a.moveCopyDraft('d2', 'pending', 'discarded')).toBe(true);
    expect(await b.recordCopyApproval({ draftId: 'd2', approver: 'U1', channel: 'CANN', finalText: 'x', approvedAt: 7 })).toBeUndefined();
    expect(await b.getCopyDraft('d2')).toMatchObject({ status: 'discarded' });
    expect(await b.copyApprovals('d2')).toEqual([]);
  });
});
