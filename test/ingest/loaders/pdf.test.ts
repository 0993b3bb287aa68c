import { loadPdf } from '../../../ingest/loaders/pdf';
import { ErrorCode } from '../../../src/errors';
import { makePdf } from '../../fixtures/loaders/make-pdf';

describe('PDF loader', () => {
  it('gives one chunk per page, named "page N", with the page text', async () => {
    const pdf = makePdf([
      ['Parcelbird shipping handbook', 'Labels are valid for 7 days.'],
      ['Returns', 'Return labels cost 4.50 EUR (domestic).'],
    ]);
    const { chunks } = await loadPdf(pdf, 'docs/handbook.pdf');
    expect(chunks.map((c) => c.section)).toEqual(['page 1', 'page 2']);
    expect(chunks[0]!.text).toContain('Labels are valid for 7 days.');
    expect(chunks[1]!.text).toContain('Return labels cost 4.50 EUR (domestic).');
    expect(chunks[1]!.meta).toEqual({ page: 2 });
    expect(chunks.every((c) => c.kind === 'pdf')).toBe(true);
  });

  it('splits a long page into pieces that keep the page number', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: carriers pick up parcels every weekday before the cutoff time.`);
    const { chunks } = await loadPdf(makePdf([lines]), 'long.pdf');
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.section === 'page 1' && c.text.length <= 1500)).toBe(true);
    expect(chunks.map((c) => c.text).join('\n')).toContain('Line 40:');
  });

  it('rejects garbage and a truncated PDF with ParseFailed', async () => {
    await expect(loadPdf(Buffer.from('this is not a pdf at all'), 'fake.pdf')).rejects.toMatchObject({ code: ErrorCode.ParseFailed });
    const truncated = makePdf([['hello']]).subarray(0, 60);
    await expect(loadPdf(truncated, 'cut.pdf')).rejects.toMatchObject({ code: ErrorCode.ParseFailed, message: expect.stringContaining('cut.pdf') });
  });
});
