import { sanitize } from '../../../src/security/sanitize/index';

/**
 * Recall by structure and context: values whose key, column, container or encoding makes them
 * secret or personal, though their own shape has no vendor prefix. Each row: text, the values that
 * must be gone, the placeholder type expected for the first one.
 */
const CASES: Array<[string, string, string[], string]> = [
  ['Kubernetes Secret data (base64 values under any key)', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: web\ndata:\n  conn: bXlzcWw6Ly91OnBAaDozMzA2L2Q=\n  cert.pem: QWxsIHlvdXIgYmFzZQ==\nstringData:\n  login: ops:Ab9#kq2LmX\n', ['bXlzcWw6Ly91OnBAaDozMzA2L2Q=', 'QWxsIHlvdXIgYmFzZQ==', 'ops:Ab9#kq2LmX'], 'k8s-secret'],
  ['docker config auth pair (base64 user:password)', '{"auths": {"quay.io": {"auth": "cm9ib3Q6OTlMa1pxMnhQ"}}}', ['cm9ib3Q6OTlMa1pxMnhQ'], 'api-key'],
  ['.npmrc _auth and scoped _authToken', '//npm.corp.example/:_authToken=5d2e9a1c-77b4-4f0e-9c3d-2b8a6e1f0d4c\n_auth=cm9ib3Q6OTlMa1pxMnhQ\n', ['5d2e9a1c-77b4-4f0e-9c3d-2b8a6e1f0d4c', 'cm9ib3Q6OTlMa1pxMnhQ'], 'token'],
  ['netrc on one line and over several', 'machine ci.example.net login bot password Wq3!zP8mLx\nmachine b.example.net\n  login x\n  password 4kTq9ZmW2pLr\n', ['Wq3!zP8mLx', '4kTq9ZmW2pLr'], 'password'],
  ['compose environment list value holding & and #', 'environment:\n  - APP_SECRET=Zq8&mP2#xL9v\n  - MODE=prod\n', ['Zq8&mP2#xL9v'], 'secret'],
  ['flag and value as command array items', 'command: ["server", "--requirepass", "Kd9&xq2LmV"]', ['Kd9&xq2LmV'], 'password'],
  ['TOML multi-line string and array of tokens', 'client_secret = """Pm4#Xz8qLw2V"""\nrefresh_tokens = ["rt_8XqL2mZp9V", "rt_3KwT7nBv1Q"]\n', ['Pm4#Xz8qLw2V', 'rt_8XqL2mZp9V', 'rt_3KwT7nBv1Q'], 'secret'],
  ['tfvars inline object', 'admin = { user = "root", pass = "Hq7$Lm2xZ9" }', ['Hq7$Lm2xZ9'], 'password'],
  ['SQL column DEFAULT by column name', 'CREATE TABLE hooks (\n  signing_secret text DEFAULT \'ss_4Hq9XmL2pZ\'\n);', ['ss_4Hq9XmL2pZ'], 'secret'],
  ['SQL settings row judged by its name cell', "INSERT INTO config (key, value) VALUES ('api_key', 'Lq2Xm9Zp4Vb7'), ('theme', 'dark');", ['Lq2Xm9Zp4Vb7'], 'api-key'],
  ['SQL COMMENT ON a credential column', "COMMENT ON COLUMN users.api_token IS 'tk_77QmZx2pLw';", ['tk_77QmZx2pLw'], 'token'],
  ['vendor key after a key-ish word in prose', 'Set the Mixpanel project token Zx9mQ2LpV7tK4wR8 in the dashboard.', ['Zx9mQ2LpV7tK4wR8'], 'token'],
  ['URL user part that is a key (DSN)', 'dsn = "https://7c2e9f1a4b8d4c3e9a0f6b5d1e2c3a4f@errors.example.io/12"', ['7c2e9f1a4b8d4c3e9a0f6b5d1e2c3a4f'], 'token'],
  ['OpenAPI example of a credential parameter', '- name: X-Service-Token\n  in: header\n  schema:\n    type: string\n  example: Qm8xZ2LpW9vT4kR7\n', ['Qm8xZ2LpW9vT4kR7'], 'secret'],
  ['environment lookup fallback', 'key = os.getenv("STRIPE_SECRET", "Rk9Xm2LqZ7pV")', ['Rk9Xm2LqZ7pV'], 'secret'],
  ['Basic auth pair written out', "const h = 'Basic ' + btoa('deploy:Wq9!mZ2xLp');", ['Wq9!mZ2xLp'], 'password'],
  ['URL-encoded token inside a redirect', 'GET /login?next=https%3A%2F%2Fapp.example.com%2Fcb%3Fapi_key%3DZx8Lq2Mp9VtK4w', ['Zx8Lq2Mp9VtK4w'], 'api-key'],
  ['base64 of a keyed secret', 'echo "cGFzc3dvcmQ9UXo5I0xtMnBYdjdS" | base64 -d', ['cGFzc3dvcmQ9UXo5I0xtMnBYdjdS'], 'encoded-password'],
  ['secret split over concatenated literals', "const key = 'ghp_' + 'Zx9Lm2Qv7Tn4Kb1Wc6Rp' + 'Yd5Fg0Js2Ka8';", ['Zx9Lm2Qv7Tn4Kb1Wc6Rp', 'Yd5Fg0Js2Ka8'], 'github-token'],
  ['Python implicit concatenation in parentheses', 'TOKEN = ("tok-" "Lq8Xm2Zp9Vb4")', ['Lq8Xm2Zp9Vb4'], 'token'],
  ['PGP block whose header lines have punctuation', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: ops (rotated 2024/05), see <wiki>\n\nlQOYBGZk9r0BCADq2x7LmZp9Vb4Kt1Np6Wc8Yd3Fg5Hj0Qs2Xa7Re4Ui9Oo1Pl\n=Ab9Z\n-----END PGP PRIVATE KEY BLOCK-----', ['lQOYBGZk9r0BCADq2x7LmZp9Vb4Kt1Np6Wc8Yd3Fg5Hj0Qs2Xa7Re4Ui9Oo1Pl', 'Comment: ops (rotated'], 'private-key'],
  ['.pgpass line (host:port:db:user:password)', 'db.internal:5432:orders:report:Pg9xLm2Qz7Vb\n*:*:*:replica:Rx8#kQ2mLz', ['Pg9xLm2Qz7Vb', 'Rx8#kQ2mLz'], 'password'],
  ['htpasswd hashes', 'admin:$apr1$Xk9mQ2Lp$Wq8zT4vR7nB3cY6dF1gH5/\nci:$2y$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234', ['$apr1$Xk9mQ2Lp$Wq8zT4vR7nB3cY6dF1gH5/', '$2y$10$abcdefghijklmnopqrstuv'], 'password-hash'],
];

describe('sanitize: recall by structure and context', () => {
  test.each(CASES)('redacts %s', async (_name, text, values, type) => {
    const result = await sanitize(text);
    for (const v of values) expect(result.text).not.toContain(v);
    const at = text.indexOf(values[0]);
    expect(result.redactions.find((r) => r.start <= at && r.end >= at + values[0].length)?.type).toBe(type);
  });
});
