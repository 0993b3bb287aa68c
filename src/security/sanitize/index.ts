import { allowedSpans, isAllowed } from './allowlist.js';
import { findAssignedSecrets } from './assignments.js';
import { findDecodedSecrets } from './decoded-views.js';
import { dataUriSpans } from './lookalikes.js';
import { applyRedactions, mergeRedactions, outside } from './merge.js';
import { findPii } from './pii.js';
import { findLabelledPii } from './pii-labelled.js';
import { findShapedSecrets } from './provider-rules.js';
import { secretlintFindings } from './secretlint-pass.js';
import { scanView } from './scan-view.js';
import { findSqlLiteralSecrets } from './sql-literals.js';
import { findStructuredSecrets } from './structured.js';
import { findCsvSecrets, findSqlInsertSecrets, findTableSecrets } from './tables.js';
import type { Redaction, SanitizeResult } from './types.js';

export type {  SanitizeResult } from './types.js';
export { addToReport, emptyReport, formatReport, lineOf, locateInSource } from './report.js';
export type { RedactionReport } from './report.js';
export { configureSanitizer } from './allowlist.js';

/**
 * The sanitizer that runs before anything is embedded or written: our own detectors (vendor token
 * shapes, keyed assignments, connection strings, PEM blocks, PII) plus secretlint's recommended
 * preset as a second opinion. Every finding becomes a typed `[REDACTED:type]` placeholder.
 */
function directFindings(view: string): Redaction[] {
  return [
    ...findShapedSecrets(view),
    ...findAssignedSecrets(view),
    ...findStructuredSecrets(view),
    ...findTableSecrets(view),
    ...findSqlInsertSecrets(view),
    ...findSqlLiteralSecrets(view),
    ...findCsvSecrets(view),
    ...findPii(view),
    ...findLabelledPii(view),
  ];
}

/** What the detectors find in the text itself and in its decoded views (URL, base64, joined literals). */
function ownFindings(view: string): Redaction[] {
  return [...directFindings(view), ...findDecodedSecrets(view, directFindings)];
}

function finish(text: string, own: Redaction[], linted: Redaction[]): SanitizeResult {
  // secretlint flags a whole connection string where our rule already judged its password (a
  // placeholder, a local default): when the two disagree about a URL, ours is the precise one.
  const extra = linted.filter(
    (l) => !own.some((o) => o.start < l.end && l.start < o.end) && !text.slice(l.start, l.end).includes('://'),
  );
  // A team's allowlist (`sanitize.allow`) and embedded images win over every detector.
  const kept = outside([...own, ...extra], [...dataUriSpans(text), ...allowedSpans(text)]).filter((r) => !isAllowed(text.slice(r.start, r.end)));
  const redactions = mergeRedactions(kept);
  return { text: applyRedactions(text, redactions), redactions };
}

export async function sanitize(text: string): Promise<SanitizeResult> {
  const [result] = await sanitizeMany([text]);
  return result;
}

/** Batch form: one secretlint pass over all texts that need it, instead of one per text. */
export async function sanitizeMany(texts: string[]): Promise<SanitizeResult[]> {
  // Detectors scan a same-length view (JSON escapes opened up); offsets hold for the original.
  const views = texts.map(scanView);
  const linted = await secretlintFindings(views);
  return texts.map((text, i) => finish(text, ownFindings(views[i]), linted[i]));
}
