import { reminderStep } from '../../src/escalation/reminders';
import type { Escalation } from '../../src/store/types';

const HOUR = 3_600_000;
const e = (over: Partial<Escalation> = {}): Escalation => ({ id: 1, channel: 'C', threadTs: '1', asker: 'UJ', question: 'q', topic: 't', senior: 'US', reason: 'r', state: 'open', createdAt: 0, updatedAt: 0, assignedAt: 0, ...over });

test.each([
  ['fresh and unclaimed', e(), 0.5 * HOUR, undefined],
  ['unclaimed for an hour', e(), HOUR, 'remind'],
  ['reminded half an hour ago', e({ remindedAt: HOUR }), 1.5 * HOUR, undefined],
  ['reminded an hour ago', e({ remindedAt: HOUR }), 2 * HOUR, 'reassign'],
  ['claimed long ago', e({ state: 'claimed', claimedBy: 'US' }), 10 * HOUR, undefined],
  ['reassigned recently: the clock restarts', e({ assignedAt: 5 * HOUR }), 5.5 * HOUR, undefined],
])('%s → %s', (_name, escalation, now, step) => {
  expect(reminderStep(escalation, now, HOUR)).toBe(step);
});
