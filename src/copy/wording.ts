/** The verbs commit subjects start with, and their third person: shared by phrasing and docs matching. */

/** Imperative verbs that commit subjects commonly start with. */
const COMMIT_VERBS = new Set(
  (
    'accept add adjust allow apply avoid bump cache change check clean clear convert create default defer deprecate detect disable display drop emit enable ensure ' +
    'expose extend fall fix generate handle hide honor honour ignore implement improve include infer inline introduce keep limit load log make merge move ' +
    'normalize normalise optimize optimise pass preserve prevent print provide reduce reject release remove rename replace report resolve respect restore ' +
    'return reuse revert run send set show skip sort speed split start stop support switch throw treat trim update upgrade use validate warn watch write ' +
    'align await bundle call clarify close collapse decode encode escape export expand filter forward guard import lower mark migrate open parse publish ' +
    'raise redirect refresh register reload render require reset recognize recognise restrict retry rewrite sanitize serialize strip track trigger verify wrap'
  ).split(' '),
);

export function isCommitVerb(word: string): boolean {
  return COMMIT_VERBS.has(word.toLowerCase());
}

export function thirdPerson(verb: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return verb + 'es';
  if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + 'ies';
  return verb + 's';
}
