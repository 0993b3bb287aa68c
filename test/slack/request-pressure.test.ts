import { RequestPressure } from '../../src/slack/request-pressure';

test('busy while a request is open, and for the quiet window after the last arrival', () => {
  let now = 1000;
  const p = new RequestPressure(15, () => now);
  expect(p.busy()).toBe(false);
  p.arrived();
  expect(p.busy()).toBe(true);
  p.closed();
  now += 5;
  expect(p.busy()).toBe(true); // the next request of a burst may still be in the socket
  now += 20;
  expect(p.busy()).toBe(false);
});

test('two overlapping requests: busy until both close; extra closes never go negative', () => {
  let now = 0;
  const p = new RequestPressure(10, () => now);
  p.arrived();
  p.arrived();
  now = 100;
  p.closed();
  expect(p.busy()).toBe(true);
  p.closed();
  p.closed();
  expect(p.busy()).toBe(false);
  p.arrived();
  p.closed();
  now = 200;
  expect(p.busy()).toBe(false);
});
