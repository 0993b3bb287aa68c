import { storableFields, storableText, storableValues } from '../../src/db/storable-text';

describe('storableText', () => {
  test.each([
    ['a NUL byte', 'how do I\u0000 reset?', 'how do I reset?'],
    ['other C0 controls', 'bell\u0007 back\u0008 esc\u001b[31m', 'bell back esc[31m'],
    ['DEL and C1 controls', 'x\u007fy\u0085z\u009f', 'xyz'],
    ['a lone high surrogate', 'a\ud83db', 'ab'],
    ['a lone low surrogate', 'a\ude00b', 'ab'],
  ])('removes %s', (_name, input, expected) => {
    expect(storableText(input)).toBe(expected);
  });

  test.each([
    ['tabs and line breaks', 'line one\n\tline two\r\n'],
    ['emoji (surrogate pairs)', 'ship it 🚀 now 😀'],
    ['accents, CJK and RTL text', 'café 東京 שלום'],
    ['zero-width joiner in an emoji sequence', '👩‍💻'],
  ])('keeps %s', (_name, input) => {
    expect(storableText(input)).toBe(input);
  });

  test('cleans every string field and parameter, leaving other values alone', () => {
    expect(storableFields({ text: 'a\u0000b', n: 3, flag: true, none: undefined })).toEqual({ text: 'ab', n: 3, flag: true, none: undefined });
    expect(storableValues(['\u0000x', 1, null, false])).toEqual(['x', 1, null, false]);
  });
});
