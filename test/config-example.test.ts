import path from 'node:path';
import { loadConfig } from '../src/config';

test('deskmate.config.example.yaml loads, with the budget and upload defaults it documents', () => {
  const config = loadConfig({ env: { DESKMATE_CONFIG: path.resolve(__dirname, '..', 'deskmate.config.example.yaml') } });
  expect(config.limits).toEqual({ perUserPerHour: 30, monthlyCapUsd: {} });
  expect(config.uploads.maxBytes).toBe(5 * 1024 * 1024);
});
