import { loadCsv } from '../../../ingest/loaders/csv';
import { loadText } from '../../../ingest/loaders/text';
import { ErrorCode } from '../../../src/errors';

describe('CSV loader', () => {
  it('renders rows with header names, handling a BOM, quoted commas and newlines, and ragged rows', async () => {
    const csv = '\uFEFFcode,name,notes\n' + 'dhl,"DHL, Express","line one\nline two"\n' + 'ups,UPS\n' + 'gls,GLS,ok,extra\n';
    const { chunks } = await loadCsv(Buffer.from(csv, 'utf8'), 'carriers.csv');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.section).toBe('rows 1-3');
    expect(chunks[0]!.text.split('\n')).toEqual(['code: dhl; name: DHL, Express; notes: line one line two', 'code: ups; name: UPS', 'code: gls; name: GLS; notes: ok; column 4: extra']);
    expect(chunks[0]!.meta).toMatchObject({ columns: ['code', 'name', 'notes'], firstRow: 1, lastRow: 3 });
  });

  it('groups many rows into chunks of at most 40 rows', async () => {
    const rows = Array.from({ length: 95 }, (_, i) => `${i + 1},item ${i + 1}`);
    const { chunks } = await loadCsv(Buffer.from(`id,label\n${rows.join('\n')}\n`), 'items.csv');
    expect(chunks.map((c) => c.section)).toEqual(['rows 1-40', 'rows 41-80', 'rows 81-95']);
    expect(chunks[2]!.text.split('\n')[0]).toBe('id: 81; label: item 81');
  });

  it('detects a semicolon delimiter', async () => {
    const { chunks } = await loadCsv(Buffer.from('a;b\n1;2\n'), 'semi.csv');
    expect(chunks[0]!.text).toBe('a: 1; b: 2');
  });

  it('rejects binary content and unbalanced quotes with ParseFailed', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]);
    await expect(loadCsv(binary, 'image.csv')).rejects.toMatchObject({ code: ErrorCode.ParseFailed, message: expect.stringContaining('image.csv') });
    await expect(loadCsv(Buffer.from('a,b\n"unterminated,1\n'), 'q.csv')).rejects.toMatchObject({ code: ErrorCode.ParseFailed });
  });
});

describe('text loader', () => {
  it('packs paragraphs into chunks named after the file, with their start lines', async () => {
    const { chunks } = await loadText(Buffer.from('First paragraph.\n\nSecond paragraph\nwraps here.\n'), 'notes/ops/readme.txt');
    expect(chunks).toEqual([{ kind: 'text', section: 'readme.txt', text: 'First paragraph.\n\nSecond paragraph\nwraps here.', line: 1 }]);
    const long = Array.from({ length: 30 }, (_, i) => `Paragraph ${i}: ${'x'.repeat(100)}`).join('\n\n');
    const pieces = (await loadText(Buffer.from(long), 'long.txt')).chunks;
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[1]!.line).toBeGreaterThan(1);
    expect(pieces.every((p) => p.text.length <= 1500)).toBe(true);
  });
});
