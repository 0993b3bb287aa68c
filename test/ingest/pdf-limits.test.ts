import zlib from 'node:zlib';
import { checkPdfLimits, PDF_LIMITS } from '../../ingest/loaders/pdf-limits';
import { loadPdf } from '../../ingest/loaders/pdf';
import { ErrorCode } from '../../src/errors';
import { makePdf } from '../fixtures/loaders/make-pdf';

/** A one-page PDF whose content stream is Flate-compressed: `text` inflated, `padding` spaces after it. */
function flatePdf(text: string, padding = 0, extraDict = ''): Buffer {
  const content = Buffer.concat([Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET\n`, 'latin1'), Buffer.alloc(padding, 0x20)]);
  const deflated = zlib.deflateSync(content, { level: 9 });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  push(Buffer.from('%PDF-1.4\n', 'latin1'));
  const objects: Array<string | Buffer[]> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    [Buffer.from(`<< /Length ${deflated.length} /Filter /FlateDecode${extraDict} >>\nstream\n`, 'latin1'), deflated, Buffer.from('\nendstream', 'latin1')],
  ];
  objects.forEach((o, i) => {
    offsets[i + 1] = size;
    push(Buffer.from(`${i + 1} 0 obj\n`, 'latin1'));
    for (const b of typeof o === 'string' ? [Buffer.from(o, 'latin1')] : o) push(b);
    push(Buffer.from('\nendobj\n', 'latin1'));
  });
  const xref = size;
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (let id = 1; id <= objects.length; id++) tail += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  push(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}

const MB = 1024 * 1024;

test('a compressed page is read as before', async () => {
  const { chunks } = await loadPdf(flatePdf('Labels are valid for 7 days.'), 'ok.pdf');
  expect(chunks.map((c) => c.text).join(' ')).toContain('Labels are valid for 7 days.');
});

test('a stream inflating to 200 MB is refused with a message naming the file and the cap', async () => {
  const bomb = flatePdf('hello', 200 * MB);
  expect(bomb.length).toBeLessThan(1 * MB);
  await expect(loadPdf(bomb, 'docs/bomb.pdf')).rejects.toMatchObject({ code: ErrorCode.ParseFailed, message: expect.stringMatching(/docs\/bomb\.pdf: a compressed stream inflates past 64 MB/) });
});

test('claiming to be an image does not exempt a stream from the cap', () => {
  expect(() => checkPdfLimits(flatePdf('x', 70 * MB, ' /Subtype /Image'), 'img.pdf')).toThrow(/inflates past 64 MB/);
});

test('streams under the per-stream cap still count toward the total', () => {
  const limits = { ...PDF_LIMITS, maxStreamBytes: 8 * MB, maxInflatedBytes: 4 * MB };
  expect(() => checkPdfLimits(flatePdf('x', 5 * MB), 'many.pdf', limits)).toThrow(/inflate past 4 MB in all/);
  expect(() => checkPdfLimits(flatePdf('x', 1 * MB), 'small.pdf', limits)).not.toThrow();
});

test('a file over the size cap is refused before it is parsed', () => {
  expect(() => checkPdfLimits(makePdf([['hello']]), 'big.pdf', { ...PDF_LIMITS, maxBytes: 100 })).toThrow(/big\.pdf: PDF of 1 KB is larger than the 1 KB indexed; not read/);
});

test('a PDF longer than the page cap is indexed up to the cap', async () => {
  const pdf = makePdf([['page one'], ['page two'], ['page three']]);
  const { chunks } = await loadPdf(pdf, 'long.pdf', { ...PDF_LIMITS, maxPages: 2 });
  expect(chunks.map((c) => c.section)).toEqual(['page 1', 'page 2']);
});
