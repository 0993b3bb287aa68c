import { benchAcks } from '../../bench/bench-slack';

// A small run of the real bench: it must ack everything and never reply twice to one event.
test('the ack bench acks every delivery and reports zero duplicate replies', async () => {
  const r = await benchAcks({ mentions: 20, deliveries: 3 });
  expect(r.duplicate_replies).toBe(0);
  expect(r.ack_p50_ms).toBeGreaterThan(0);
  expect(r.ack_p99_ms).toBeGreaterThanOrEqual(r.ack_p50_ms);
  expect(r.ack_max_ms).toBeGreaterThanOrEqual(r.ack_p99_ms);
  expect(r.ack_floor_p99_ms).toBeGreaterThan(0);
});
