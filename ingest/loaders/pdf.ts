import path from 'node:path';
import type { ChunkDraft, LoadedSource } from '../../src/ports/chunk.js';
import { childLogger } from '../../src/log.js';
import { describeCause, parseFailed } from './parse-failed.js';
import { checkPdfLimits, PDF_LIMITS, type PdfLimits } from './pdf-limits.js';
import { splitParagraphs } from './text-pieces.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** pdfjs-dist is ESM-only; load it once, on first use, so other loaders never pay for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function standardFontDataUrl(): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
}

/** Joins a page's text items, starting a new line when an item ends one or the baseline moves. */
function pageText(items: TextItemLike[]): string {
  let out = '';
  let lastY: number | undefined;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform?.[5];
    if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 1 && !out.endsWith('\n')) {
      // a large jump between baselines is a paragraph gap
      out += Math.abs(y - lastY) > 20 ? '\n\n' : '\n';
    }
    out += item.str;
    if (item.hasEOL) out += '\n';
    if (y !== undefined) lastY = y;
  }
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const log = childLogger('ingest.pdf');

/** PDF → one chunk per page ("page 3"), long pages split at paragraph boundaries; size and inflate caps first. */
export async function loadPdf(content: Buffer, relPath: string, limits: PdfLimits = PDF_LIMITS): Promise<LoadedSource> {
  if (!content.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw parseFailed(relPath, 'not a PDF file (no %PDF- header)');
  checkPdfLimits(content, relPath, limits);
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(content), // pdfjs takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: standardFontDataUrl(),
    verbosity: 0,
  });
  const chunks: ChunkDraft[] = [];
  try {
    const doc = await task.promise;
    const pages = Math.min(doc.numPages, limits.maxPages);
    if (doc.numPages > pages) log.warn({ path: relPath, pages: doc.numPages, indexed: pages }, 'PDF longer than the page cap: only its first pages are indexed');
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const text = pageText((await page.getTextContent()).items as TextItemLike[]);
      page.cleanup();
      if (!text) continue;
      for (const piece of splitParagraphs(text)) {
        chunks.push({ kind: 'pdf', section: `page ${n}`, text: piece.text, meta: { page: n } });
      }
    }
  } catch (err) {
    throw parseFailed(relPath, `unreadable PDF: ${describeCause(err)}`, err);
  } finally {
    await task.destroy();
  }
  return { chunks };
}
