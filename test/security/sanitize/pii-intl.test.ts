import { sanitize } from '../../../src/security/sanitize/index';

/** Personal data told apart by a label, a column header, a checksum or a numbering plan. */
const CASES: Array<[string, string, string[], string]> = [
  ['international phones in national groupings', 'Call +81 3-1234-5678, +33 1 23 45 67 89 or +49 30 12345678.', ['+81 3-1234-5678', '+33 1 23 45 67 89', '+49 30 12345678'], 'phone'],
  ['IBANs printed in groups and electronically', 'Pay GB82 WEST 1234 5698 7654 32 or NL91ABNA0417164300 today.', ['GB82 WEST 1234 5698 7654 32', 'NL91ABNA0417164300'], 'iban'],
  ['a labelled date of birth', '- Date of birth: 12/04/1988\n- DOB: 3 March 1975', ['12/04/1988', '3 March 1975'], 'date-of-birth'],
  ['a date of birth labelled without a colon', 'Birth date 02.03.1981; DOB 1975-03-03', ['02.03.1981', '1975-03-03'], 'date-of-birth'],
  ['a labelled street address', 'Home address: 9 Elm Court, Springfield, IL 62704\n', ['9 Elm Court, Springfield, IL 62704'], 'street-address'],
  ['CSV columns named for personal data', 'id,birth_date,street_address\n1,1985-06-30,"88 Harbour Road, Cork T12 X2Y3"\n', ['1985-06-30', '88 Harbour Road, Cork T12 X2Y3'], 'date-of-birth'],
  ['SQL INSERT columns named for personal data', "INSERT INTO people (name, dob, address) VALUES ('A', '1979-03-14', '221B Baker Street, London NW1 6XE');", ['1979-03-14', '221B Baker Street, London NW1 6XE'], 'date-of-birth'],
  ['a Markdown table with a DOB column', '| Name | DOB |\n|---|---|\n| Pat | 1990-01-31 |\n', ['1990-01-31'], 'date-of-birth'],
  ['rendered CSV row fields', 'id: 2; birth_date: 1985-06-30; home_address: 17 Rue Exemple, 75011 Paris; plan: free', ['1985-06-30', '17 Rue Exemple, 75011 Paris'], 'date-of-birth'],
];

describe('sanitize: international and labelled personal data', () => {
  test.each(CASES)('redacts %s', async (_name, text, values, type) => {
    const result = await sanitize(text);
    for (const v of values) expect(result.text).not.toContain(v);
    const at = text.indexOf(values[0]);
    expect(result.redactions.find((r) => r.start <= at && r.end >= at + values[0].length)?.type).toBe(type);
  });

  test('an IBAN with a wrong check digit stays (it is not an account)', async () => {
    const text = 'Reference GB83 WEST 1234 5698 7654 32 is a test string.';
    expect((await sanitize(text)).text).toBe(text);
  });
});
