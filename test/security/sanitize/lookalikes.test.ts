import { sanitize } from '../../../src/security/sanitize/index';

/** Text that looks secret-ish but is harmless must come back byte-for-byte unchanged. */
const KEEP_CASES: Array<[string, string]> = [
  ['primary key column list', 'Table film_actor\nPrimary key: (actor_id, film_id)\nPrimary key: (id)'],
  ['UUID', 'Each order has an id like `86eb4b6a-2f4d-6760-ec9e-07c2584765a6`.'],
  ['git SHA', 'Fixed in commit f2e7bd54ac0dd265efde715dd4ca6b03e8148ef0 (release v8.20.8).'],
  ['content digest', 'Image digest: sha256:9b2a4f1e8c7d6b5a4938271605f4e3d2c1b0a9f8e7d6c5b4a39281706f5e4d3c'],
  ['lockfile integrity', '"integrity": "sha512-Q5bDCjlKUsVFJhsjGGzGp0qJVlbvrJ5U/8Wq6O4PnClBG0Eq0zjpXu7WzVRIBVQkQkpH3vDp8/7k8bq2R9uS+g=="'],
  ['base64 data URI image', '![logo](data:image/png;base64,ok7Ns6Ub2TAn0Ow4B1IeRRpfxhKBz+va+fXzt50i)'],
  ['data URI that happens to contain a key-like run', '![x](data:image/gif;base64,R0lGODlhAKIAQ3EGUZ7JX2M4VNP8eyJhbGciOiJIUzI1NiJ9AAAA)'],
  ['YOUR_API_KEY', 'export OPENAI_API_KEY=YOUR_API_KEY'],
  ['angle-bracket token', 'Pass the token as `Authorization: Bearer <token>`; never commit real values.'],
  ['slack placeholder', 'export SLACK_BOT_TOKEN=xoxb-your-bot-token'],
  ['stripe masked keys', 'Stripe test keys look like `sk_test_...`; a masked key shows as `sk_live_****`.'],
  ['env references', 'password: ${DB_PASSWORD}\napi_key: "{{ vault_api_key }}"\ntoken: <your-token-here>\nsecret: process.env.SECRET'],
  ['GitHub Actions secret reference', 'env:\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}'],
  ['connection string with env password', 'url: postgres://user:${PGPASSWORD}@db.acme.io/app'],
  ['connection string with placeholder password', 'mysql://root:<password>@db.acme.io:3306/app'],
  ['local default connection string', 'postgres://postgres:postgres@localhost:5432/app and amqp://guest:guest@localhost:5672/'],
  ['localhost URLs', 'Run `npm start` then open http://localhost:8080/health or postgres://localhost/dev_orders'],
  ['versions, dates, ports', 'Version 2.14.3 shipped 2026-11-05T23:04:00Z on port 8443; retry after 3600 seconds.'],
  ['colour codes', 'Brand colours: primary `#14fdbf`, accent `#992430`.'],
  ['ULID', 'Request id header: `X-Request-Id: 01ARZ3NDEKTSV4RRFFQ69G5FAV` (a ULID).'],
  ['Slack channel id', 'Post to channel `C0WI1MT9BBV`; see https://example.com/docs/webhooks for payloads.'],
  ['loopback and unspecified addresses', 'Bind to 0.0.0.0 in containers, 127.0.0.1 or ::1 on laptops.'],
  ['documentation IP ranges', 'Examples: 192.0.2.10, 198.51.100.7, 203.0.113.9 and 2001:db8::1.'],
  ['netmask', 'netmask 255.255.255.0'],
  ['bare record ids are not phones or cards', 'Record 12345678901234 created; user 9876543210 logged in; ts 1612828945.000200.'],
  ['code that mentions tokens', 'function login(user: string, password: string) { const token = getToken(user); return { token: token, password: hash }; }'],
  ['config names without values', 'max_tokens: 4096\ntoken_type: bearer\npassword_min_length: 12\napi_key_header: X-API-Key'],
  ['prose about credentials', 'The token endpoint returns a token that expires. Rotate the password every 90 days.\nPassword: ask the on-call engineer.'],
  ['AWS documentation example key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
  ['PEM header without a body', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
  ['SSH remote and npm scope', 'git clone git@github.com:acme/repo.git && npm i @secretlint/core'],
  ['retina asset name', 'Use logo@2x.png on high-DPI screens.'],
  ['C++ and Ruby scopes', 'std::vector<int> and Foo::Bar and A::B'],
  ['times', 'Backups run at 23:04:00 and 12:30.'],
  ['SQL without credentials', 'SELECT id, email FROM customers WHERE created_at > now() - interval \'7 days\';'],
  ['masked password', 'password: ********'],
  ['data fields named *_key', '{"group_key": "favourite-113010503322889311-479000", "human_key": "Media storage", "key": "media"}'],
  ['public keys are public', '"vapid": {"public_key": "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M="}'],
  ['values that name the variable they come from', 'token: "TOKEN"\napi_key: "SLACK_BOT_TOKEN"\nAPI_KEY="API_KEY"'],
  ['snowflake ids are not card numbers', 'status 4123456789012345678 was boosted'],
  ['four-part versions', '[assembly: AssemblyVersion("1.0.0.0")] shipped in version 4.7.2.1 (build 10.0.1.2)'],
  ['API docs that name the header and its type', 'Set `api_key` to your key from the dashboard.\n| `api_key` | string | Your API key |\nAuthorization: Bearer ACCESS_TOKEN'],
  ['CSV and SQL without credential columns', 'id,name,region\n1,ann,eu-west-1\n---\nINSERT INTO film (title, rating) VALUES (\'Alien\', \'R\');'],
  ['credential columns holding placeholders', 'user,password\nann,changeme\nbob,<set me>\n'],
  ['CloudFormation reference', 'Password: !Ref DbPassword'],
  ['generic key words', 'key: value\nprimary_key: id\nsort key: created_at\nThe key is in the drawer.\nsession: 30m\nauth: true'],
  ['YAML comment after a secret key', 'secret: # set in the vault, see runbook'],
  ['identifier after the word token', 'the token 86eb4b6a-2f4d-6760-ec9e-07c2584765a6 belongs to a test user'],
];

describe('sanitize: look-alikes survive', () => {
  test.each(KEEP_CASES)('keeps %s', async (_name, text) => {
    const result = await sanitize(text);
    expect(result.redactions).toEqual([]);
    expect(result.text).toBe(text);
  });
});
