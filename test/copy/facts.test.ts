import { buildInventory, extractFacts, isTitleCase, listInputFacts, untraceableFacts } from '../../src/copy/facts';

const keys = (text: string) => extractFacts(text).map((f) => `${f.kind}:${f.key}`);

describe('extractFacts', () => {
  test.each([
    ['latency reduced by 400ms', ['quantity:400ms']],
    ['latency reduced by 400 ms', ['quantity:400ms']],
    ['latency reduced by 400 milliseconds', ['quantity:400ms']],
    ['builds are 40% faster', ['quantity:40%']],
    ['2x faster, 1.5 seconds', ['quantity:2x', 'quantity:1.5s']],
    ['update rolldown to 1.0.0-beta.53', ['version:1.0.0-beta.53']],
    ['drop v2 support and ship v1.2.3', ['version:2', 'version:1.2.3']],
    ['Node.js <18.10', ['name:node.js', 'version:18.10']],
    ['target es2022 and utf8', ['name:es2022', 'name:utf8']],
    ['see #123 and owner/repo#9', ['reference:#123', 'reference:#9']],
    ['serves 1,000 users on port 0', ['number:1000', 'number:0']],
    ['twice as fast for two teams', ['quantity:2x', 'quantity:2']],
    ['uses useDefineForClassFields and MAX_PATH via @scope/pkg', ['name:usedefineforclassfields', 'name:max_path', 'name:@scope/pkg']],
    ['Vite now integrates with Webpack', ['name:webpack']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  test('a capitalised word starting a sentence is not a name', () => {
    expect(keys('Faster reloads. Better errors: Clearer output')).toEqual([]);
  });

  test('in title-case text capitals carry no signal; shaped names still count', () => {
    expect(isTitleCase('Faster Reloads For Every Project')).toBe(true);
    expect(keys('Faster Reloads For Every TypeScript Project')).toEqual(['name:typescript']);
  });
});

describe('traceability', () => {
  const inventory = buildInventory(['perf(server): latency reduced by 400 ms (#120)\n\nUses Rolldown 1.0.0-beta.53 on Node.js 20'], ['Parcelbird']);
  const untraced = (text: string, allowReferences = false) => untraceableFacts(text, inventory, { allowReferences }).map((f) => f.text);

  test.each([
    ['the same figure with other spacing or unit spelling is traceable', 'Latency drops by 400ms, or 400 milliseconds.', []],
    ['a percentage invented from a latency is not', 'Responses are 40% faster.', ['40%']],
    ['a different unit on the same number is not', 'Saves 400%.', ['400%']],
    ['a multiplier is not', 'Now 2x faster.', ['2x']],
    ['versions must match exactly', 'Ships Rolldown 1.0.0 and 1.0.0-beta.53.', ['1.0.0']],
    ['a bare number from the input is traceable', 'Works on Node.js 20.', []],
    ['names from the commits and the configured product are traceable', 'Parcelbird now uses Rolldown on Node.js.', []],
    ['a name the commits never mention is not', 'Parcelbird now beats Webpack.', ['Webpack']],
    ['references are not facts outside the changelog', 'See #120.', ['#120']],
  ])('%s', (_name, text, expected) => {
    expect(untraced(text)).toEqual(expected);
  });

  test('references from the input are allowed where references belong, invented ones are not', () => {
    expect(untraced('perf(server): latency reduced by 400 ms (#120)', true)).toEqual([]);
    expect(untraced('perf(server): latency reduced (#999)', true)).toEqual(['#999']);
  });

  test('listInputFacts lists figures, versions and names without references', () => {
    expect(listInputFacts(['feat: update rolldown to 1.0.0-beta.53 (#537)', 'fix: handle MAX_PATH on Node.js <18.10'])).toEqual(['1.0.0-beta.53', 'MAX_PATH', 'Node.js', '18.10']);
  });
});
