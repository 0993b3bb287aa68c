import zlib from 'node:zlib';
import { parseFailed } from './parse-failed.js';

/**
 * Caps for PDFs, checked before pdfjs sees the file: a small file whose streams inflate to hundreds of
 * megabytes (a decompression bomb) is refused in milliseconds with a message, instead of taking half
 * a minute and yielding nothing. Every Flate stream counts, images included: a stream's dictionary
 * is the author's claim, and pdfjs decodes whatever a page names as its contents.
 */
export interface PdfLimits {
  /** The file itself. */
  maxBytes: number;
  /** Pages indexed; the rest of a longer PDF is left out (with a warning). */
  maxPages: number;
  /** What one compressed stream may inflate to. */
  maxStreamBytes: number;
  /** What all compressed streams together may inflate to. */
  maxInflatedBytes: number;
}

const MB = 1024 * 1024;
export const PDF_LIMITS: PdfLimits = { maxBytes: 64 * MB, maxPages: 2000, maxStreamBytes: 64 * MB, maxInflatedBytes: 256 * MB };

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far back from `stream` to look for its dictionary (`N 0 obj << … >>`). */
const DICT_WINDOW = 4096;

function isTooLarge(err: unknown): boolean {
  return err instanceof RangeError || (err as { code?: string })?.code === 'ERR_BUFFER_TOO_LARGE';
}

const mb = (n: number) => (n >= MB ? `${Math.round(n / MB)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Throws ParseFailed when the file or the inflated size of its Flate streams passes the limits. */
export function checkPdfLimits(content: Buffer, relPath: string, limits: PdfLimits = PDF_LIMITS): void {
  if (content.length > limits.maxBytes) throw parseFailed(relPath, `PDF of ${mb(content.length)} is larger than the ${mb(limits.maxBytes)} indexed; not read`);
  let inflated = 0;
  let at = content.indexOf(STREAM);
  while (at !== -1) {
    const next = () => content.indexOf(STREAM, at + STREAM.length);
    // `endstream` contains `stream`: only a keyword at a dictionary's end opens a stream.
    const isEnd = at >= 3 && content.subarray(at - 3, at).toString('latin1') === 'end';
    let dataStart = at + STREAM.length;
    if (content[dataStart] === 0x0d) dataStart++;
    if (isEnd || content[dataStart] !== 0x0a) {
      at = next();
      continue;
    }
    dataStart++;
    const dict = content.subarray(Math.max(0, at - DICT_WINDOW), at).toString('latin1');
    const own = dict.slice(Math.max(0, dict.lastIndexOf(' obj')));
    const end = content.indexOf(END_STREAM, dataStart);
    if (end === -1) break;
    if (/\/FlateDecode\b|\/Fl\b/.test(own)) {
      const budget = Math.min(limits.maxStreamBytes, limits.maxInflatedBytes - inflated);
      try {
        inflated += zlib.inflateSync(content.subarray(dataStart, end), { maxOutputLength: budget + 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
      } catch (err) {
        if (isTooLarge(err)) {
          const which = budget < limits.maxStreamBytes ? `its compressed streams inflate past ${mb(limits.maxInflatedBytes)} in all` : `a compressed stream inflates past ${mb(limits.maxStreamBytes)}`;
          throw parseFailed(relPath, `${which} (a decompression bomb, or far more text than a document holds); not indexed`);
        }
        // Corrupt data: pdfjs decides what it can still read.
      }
      if (inflated > limits.maxInflatedBytes) throw parseFailed(relPath, `its compressed streams inflate past ${mb(limits.maxInflatedBytes)} in all; not indexed`);
    }
    at = content.indexOf(STREAM, end + END_STREAM.length);
  }
}
