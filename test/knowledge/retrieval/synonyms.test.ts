import { stem } from '../../../src/text/tokenize';
import { synonymsOf } from '../../../src/knowledge/retrieval/synonyms';

test('social-API words reach the words reference docs use: boost → reblog, toot → status, image → media', () => {
  expect(synonymsOf(stem('boost'))).toContain(stem('reblog'));
  expect(synonymsOf(stem('toot'))).toContain(stem('status'));
  expect(synonymsOf(stem('image'))).toContain(stem('media'));
  expect(synonymsOf(stem('photo'))).toContain(stem('attachment'));
});

test('groups do not leak into each other, and unknown words have no synonyms', () => {
  expect(synonymsOf(stem('boost'))).not.toContain(stem('media'));
  expect(synonymsOf(stem('delete'))).toContain(stem('remove'));
  expect(synonymsOf(stem('delete'))).not.toContain(stem('create'));
  expect(synonymsOf(stem('zebra'))).toEqual([]);
});
