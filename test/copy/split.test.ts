import { splitCommitMessages } from '../../src/copy/split';

describe('splitCommitMessages', () => {
  const cases: Array<[string, string, string[]]> = [
    ['empty text gives no messages', '   \n ', []],
    ['one subject line is one message', 'feat: add dark mode', ['feat: add dark mode']],
    ['a full message with a body stays whole', 'feat(api): add paging\n\nCursor-based paging for /users.\n\nCloses #12', ['feat(api): add paging\n\nCursor-based paging for /users.\n\nCloses #12']],
    ['full messages separated by --- lines', 'feat: a\n\nbody a\n---\nfix: b\n\nbody b', ['feat: a\n\nbody a', 'fix: b\n\nbody b']],
    ['longer dashes and spaces still separate', 'feat: a\n  -----  \nfix: b', ['feat: a', 'fix: b']],
    ['a list of subject lines, one per line', 'feat: a\nfix: b\nperf: c', ['feat: a', 'fix: b', 'perf: c']],
    ['bullets are removed from listed subjects', '- feat: a\n* fix: b', ['feat: a', 'fix: b']],
    ['a list of headers with gaps is still a list', 'feat: a\n\nfix(x): b', ['feat: a', 'fix(x): b']],
    ['non-conventional subject lines are accepted', 'Add export button\nFix crash on start', ['Add export button', 'Fix crash on start']],
    ['CRLF line ends are handled', 'feat: a\r\n---\r\nfix: b', ['feat: a', 'fix: b']],
  ];
  test.each(cases)('%s', (_name, input, expected) => {
    expect(splitCommitMessages(input)).toEqual(expected);
  });
});
