import { sanitize } from '../../../src/security/sanitize/index';

const PII_CASES: Array<[string, string, string[], string]> = [
  ['emails', 'On-call: devops70@payroll-hq.com; escalate to a.okafor41@payroll-hq.co.uk.', ['devops70@payroll-hq.com', 'a.okafor41@payroll-hq.co.uk'], 'email'],
  ['emails after arrows, dashes and equals signs', 'Owner→jane.doe@acme-corp.io — backup=ops@acme-corp.io', ['jane.doe@acme-corp.io', 'ops@acme-corp.io'], 'email'],
  ['email in mailto link', '[mail us](mailto:help.desk+ops@acme-corp.io)', ['help.desk+ops@acme-corp.io'], 'email'],
  ['UK phone, international', 'mobile +44 20 7922 1588 after hours', ['+44 20 7922 1588'], 'phone'],
  ['German phone, international', 'call +49 30 9939815.', ['+49 30 9939815'], 'phone'],
  ['US phone with parentheses', 'Call +1 (415) 555-0142 or (212) 555-0199', ['(415) 555-0142', '(212) 555-0199'], 'phone'],
  ['US phone with dashes and dots', 'Desk: 415-555-0100, fax 415.555.0199', ['415-555-0100', '415.555.0199'], 'phone'],
  ['UK national phone', 'Office 020 7946 0958', ['020 7946 0958'], 'phone'],
  ['French phone', 'Paris: +33 1 23 45 67 89', ['+33 1 23 45 67 89'], 'phone'],
  ['UK mobile and German national', 'Phone: 07700 900123 or 030 9939815', ['07700 900123', '030 9939815'], 'phone'],
  ['toll-free and E.164', 'Call 1-800-555-0199 or +442079221588', ['1-800-555-0199', '+442079221588'], 'phone'],
  ['phones with trunk prefix and Japanese grouping', 'Call +49 (0)30 9939815 or +81 3-1234-5678', ['+49 (0)30 9939815', '+81 3-1234-5678'], 'phone'],
  ['public IPv4', 'replica at 18.182.188.240 (port 5432)', ['18.182.188.240'], 'ip-address'],
  ['private IPv4 as a host setting', 'DB_HOST=10.0.3.17 and "host": "192.168.0.14"', ['10.0.3.17', '192.168.0.14'], 'ip-address'],
  ['IPv6', 'edge 2a03:2880:f003:c07:face:b00c::2 and fe80::1ff:fe23:4567:890a', ['2a03:2880:f003:c07:face:b00c::2', 'fe80::1ff:fe23:4567:890a'], 'ip-address'],
  ['card number bare', "VALUES ('Ada', '4927709626807463')", ['4927709626807463'], 'card-number'],
  ['card number spaced', 'card 4111 1111 1111 1111 exp 12/29', ['4111 1111 1111 1111'], 'card-number'],
  ['Amex dashed', 'Amex 3782-822463-10005', ['3782-822463-10005'], 'card-number'],
];

describe('sanitize: personal data', () => {
  test.each(PII_CASES)('redacts %s', async (_name, text, values, type) => {
    const result = await sanitize(text);
    for (const v of values) expect(result.text).not.toContain(v);
    expect(result.redactions.filter((r) => r.type === type)).toHaveLength(values.length);
  });

  test('a Luhn-invalid 16-digit number is an id, not a card', async () => {
    const text = 'order 4927709626807464 shipped';
    expect((await sanitize(text)).text).toBe(text);
  });
});
