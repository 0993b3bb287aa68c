import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isDateLike, looksLikeAddress, piiColumn } from './tables.js';
import type { Redaction } from './types.js';

/**
 * Personal data that needs a label or a checksum to be told apart from ordinary text: dates of
 * birth and street addresses in labelled fields (`Date of birth: …`, `home_address: …`, a YAML or
 * JSON key), IBANs by their mod-97 checksum, international phone numbers by libphonenumber-js.
 */

// A label, then `:`/`=` (with optional quotes around key and value), then the value up to the end of
// its field: a line end, a `;` (CSV rows are rendered `col: value; col: value`), a quote, a pipe.
const LABELLED = /(?<![A-Za-z])((?:[A-Za-z]+[ _-])?(?:date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|dob|born(?:[ _-]on)?|(?:home|street|postal|mailing|billing|shipping|residential|physical)?[ _-]?address|street))["']?\**[ \t]*[:=][ \t]*\**["']?([^\n;"'|]{4,160})/gi;

function findLabelledFields(text: string, lower: string, out: Redaction[]): void {
  if (!['birth', 'dob', 'born', 'address', 'street'].some((w) => lower.includes(w))) return;
  LABELLED.lastIndex = 0;
  for (let m = LABELLED.exec(text); m; m = LABELLED.exec(text)) {
    const label = m[1].replace(/^[ _-]+/, '');
    // `email address`, `IP address`, `wallet address` name other things, handled (or not) elsewhere.
    if (/(?:e-?mail|ip|mac|wallet|web|server|bind|listen|remote|local|return|from|to|reply)[ _-]?address/i.test(label)) continue;
    const column = piiColumn(label.replace(/[ -]/g, '_')) ?? piiColumn(label);
    if (!column) continue;
    const value = m[2].replace(/[\s,.]+$/, '');
    if (!column.fits(value)) continue;
    const start = m.index + m[0].length - m[2].length;
    out.push({ type: column.type, start, end: start + value.length });
  }
}

/** Dates of birth without a `:`: "born 3 March 1975", "DOB 12/04/1988", "Birth date 02.03.1981". */
function findBornDates(text: string, lower: string, out: Redaction[]): void {
  if (!lower.includes('born') && !lower.includes('dob') && !lower.includes('birth')) return;
  const re = /\b(?:born(?:[ \t]+on)?|DOB|birth[ _-]?date|date[ \t]+of[ \t]+birth|birthday)[ \t]+([0-9][0-9A-Za-z ./,-]{5,24}[0-9])/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!isDateLike(m[1])) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ type: 'date-of-birth', start, end: start + m[1].length });
  }
}

/** Country code, check digits, then 11–30 letters/digits, printed with or without groups of four. */
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

function findIbans(text: string, out: Redaction[]): void {
  IBAN_CANDIDATE.lastIndex = 0;
  for (let m = IBAN_CANDIDATE.exec(text); m; m = IBAN_CANDIDATE.exec(text)) {
    // A greedy match may have eaten a following capitalised word: drop trailing groups until valid.
    let candidate = m[0];
    while (candidate.length >= 15) {
      if (isValidIBAN(electronicFormatIBAN(candidate) ?? '')) {
        out.push({ type: 'iban', start: m.index, end: m.index + candidate.length });
        break;
      }
      const cut = candidate.lastIndexOf(' ');
      if (cut < 0) break;
      candidate = candidate.slice(0, cut);
    }
  }
}

/**
 * International numbers (`+` and a country code) in any national grouping: libphonenumber-js knows
 * each country's lengths, so `+81 3-1234-5678` and `+33 1 23 45 67 89` are found and `+1.2` is not.
 */
const INTERNATIONAL = /(?<![\w+.-])\+\d[\d \t().-]{5,22}\d(?![\w-]|\.\d)/g;

function findInternationalPhones(text: string, out: Redaction[]): void {
  if (!/\+\d/.test(text)) return;
  // A cheap regex finds `+digits` runs; the library (slow on whole texts) only judges those.
  INTERNATIONAL.lastIndex = 0;
  for (let m = INTERNATIONAL.exec(text); m; m = INTERNATIONAL.exec(text)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 8 || digits > 15) continue;
    const phone = parsePhoneNumberFromString(m[0].trim());
    if (!phone || !phone.isPossible()) continue;
    out.push({ type: 'phone', start: m.index, end: m.index + m[0].trimEnd().length });
  }
}

export function findLabelledPii(text: string): Redaction[] {
  const out: Redaction[] = [];
  const lower = text.toLowerCase();
  findLabelledFields(text, lower, out);
  findBornDates(text, lower, out);
  findIbans(text, out);
  findInternationalPhones(text, out);
  return out;
}
