/** One redacted span; offsets point into the ORIGINAL text, never into the sanitized one. */
export interface Redaction {
  type: string;
  start: number;
  end: number;
}

export interface SanitizeResult {
  text: string;
  redactions: Redaction[];
}

/** A detector scans one text and returns candidate spans; look-alike filtering happens inside it. */
export type Detector = (text: string) => Redaction[];
