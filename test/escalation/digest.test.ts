import { waitingForDigest } from '../../src/escalation/digest';
import type { Escalation } from '../../src/store/types';

const make = (id: number, senior: string, createdAt: number, extra: Partial<Escalation> = {}): Escalation => ({
  id, channel: 'C', threadTs: `${id}.1`, asker: 'UJ', question: 'why?', topic: 'api', senior, reason: 'r', state: 'open', createdAt, updatedAt: createdAt, ...extra,
});

test('groups unnotified open escalations by senior, oldest first; told, claimed and resolved ones are left out', () => {
  const groups = waitingForDigest([
    make(1, 'UA', 300),
    make(2, 'UB', 100),
    make(3, 'UA', 100),
    make(4, 'UA', 50, { notifiedAt: 60 }),
    make(5, 'UB', 10, { state: 'claimed', claimedBy: 'UB' }),
    make(6, 'UA', 10, { state: 'resolved' }),
    make(7, 'UA', 100),
  ]);
  expect([...groups.keys()].sort()).toEqual(['UA', 'UB']);
  expect(groups.get('UA')!.map((e) => e.id)).toEqual([3, 7, 1]);
  expect(groups.get('UB')!.map((e) => e.id)).toEqual([2]);
});

test('nothing waiting: an empty map', () => {
  expect(waitingForDigest([make(1, 'UA', 1, { notifiedAt: 2 })]).size).toBe(0);
});
