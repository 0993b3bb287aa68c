import { transition } from '../../src/escalation/state';
import type { Escalation } from '../../src/store/types';

const roles = { isSenior: (u: string) => u.startsWith('US') };
const base: Escalation = { id: 1, channel: 'C', threadTs: '1.1', asker: 'UJ', question: 'why?', topic: 'api', senior: 'US1', reason: 'r', state: 'open', assignedAt: 0, createdAt: 0, updatedAt: 0 };

describe('escalation state machine', () => {
  test('open → claimed by a senior → resolved by the claimer', () => {
    const claimed = transition(base, { type: 'claim', actor: 'US2' }, roles);
    expect(claimed).toMatchObject({ ok: true, escalation: { state: 'claimed', claimedBy: 'US2' } });
    const resolved = transition((claimed as { escalation: Escalation }).escalation, { type: 'resolve', actor: 'US2' }, roles);
    expect(resolved).toMatchObject({ ok: true, escalation: { state: 'resolved', resolvedBy: 'US2' } });
  });

  test.each([
    ['a non-senior claims', base, { type: 'claim' as const, actor: 'UJ' }, /Only seniors/],
    ['a second senior claims a claimed one', { ...base, state: 'claimed' as const, claimedBy: 'US1' }, { type: 'claim' as const, actor: 'US2' }, /already taken/],
    ['anything on a resolved one', { ...base, state: 'resolved' as const }, { type: 'claim' as const, actor: 'US1' }, /already resolved/],
    ['a bystander resolves', base, { type: 'resolve' as const, actor: 'UX' }, /Only the asker or a senior/],
    ['reassigning a claimed one', { ...base, state: 'claimed' as const, claimedBy: 'US1' }, { type: 'reassign' as const, senior: 'US3', at: 5 }, /unclaimed/],
    ['someone other than the asker marks it urgent', base, { type: 'urgent' as const, actor: 'US2', at: 5 }, /Only the person who asked/],
    ['urgent once the senior was told', { ...base, notifiedAt: 3 }, { type: 'urgent' as const, actor: 'UJ', at: 5 }, /already been told/],
    ['urgent once claimed', { ...base, state: 'claimed' as const, claimedBy: 'US1' }, { type: 'urgent' as const, actor: 'UJ', at: 5 }, /already has/],
  ])('refused: %s', (_name, e, action, reason) => {
    const result = transition(e, action, roles);
    expect(result.ok).toBe(false);
    expect((result as { reason: string }).reason).toMatch(reason);
  });

  test('the asker marks a waiting question urgent: the senior counts as told now, and the reminder clock starts', () => {
    expect(transition(base, { type: 'urgent', actor: 'UJ', at: 42 }, roles)).toMatchObject({ ok: true, escalation: { state: 'open', senior: 'US1', notifiedAt: 42, assignedAt: 42 } });
  });

  test('the asker may resolve their own question; an open one may be reassigned', () => {
    expect(transition(base, { type: 'resolve', actor: 'UJ' }, roles)).toMatchObject({ ok: true, escalation: { state: 'resolved' } });
    expect(transition(base, { type: 'reassign', senior: 'US9', at: 5 }, roles)).toMatchObject({ ok: true, escalation: { senior: 'US9', state: 'open', assignedAt: 5 } });
  });
});
