/**
 * Whether a question asks for a schema-wide structural review (migration/creation order,
 * foreign-key cycles, missing primary keys, foreign keys without indexes) rather than a fact
 * about one table. Each rule pairs a *topic* (what the question is about) with an *aspect*
 * (what it wants to know), so "what is the primary key of film?" stays an ordinary question.
 */
const FK = String.raw`(?:foreign[\s-]*keys?|fks?|references?|referential|constraints?|relations(?:hips?)?)`;
const TABLES = String.raw`(?:tables?|schemas?|ddl|databases?|db)`;

const RULES: RegExp[] = [
  // Cycles among foreign keys / tables: "circular foreign keys", "cyclic dependencies between tables", "FK cycles".
  new RegExp(String.raw`\b(?:circular|cyclic(?:al)?|cycles?|loops?|mutual(?:ly)?)\b[^.?!]{0,40}\b(?:${FK}|${TABLES}|dependenc(?:y|ies))`),
  new RegExp(String.raw`\b(?:${FK}|${TABLES})\b[^.?!]{0,40}\b(?:circular|cyclic(?:al)?|cycles?|loops?|depend on each other|reference each other|point(?:s|ing)? (?:at|to) each other)\b`),
  // Order of migration / creation / loading of tables.
  new RegExp(String.raw`\b(?:order|sequence|sequencing|topolog\w*)\b[^.?!]{0,50}\b(?:migrat\w*|creat\w*|load\w*|insert\w*|restor\w*|seed\w*|drop\w*)\b[^.?!]{0,30}\b${TABLES}`),
  new RegExp(String.raw`\b(?:order|sequence)\b[^.?!]{0,30}\b${TABLES}\b[^.?!]{0,40}\b(?:migrat\w*|creat\w*|load\w*|insert\w*|restor\w*|seed\w*|drop\w*)\b`),
  new RegExp(String.raw`\b(?:migrat\w*|creat\w*|load\w*|restor\w*|seed\w*)\b[^.?!]{0,40}\b${TABLES}\b[^.?!]{0,40}\b(?:order|sequence|first|before|after)\b`),
  new RegExp(String.raw`\b(?:order|sequence)\b[^.?!]{0,30}\b(?:should|do|must|can)\b[^.?!]{0,20}\b(?:we|i|you)\b[^.?!]{0,10}\bmigrat\w*`),
  new RegExp(String.raw`\bdependency (?:order|graph|tree)\b[^.?!]{0,40}\b(?:${TABLES}|${FK})|\b(?:${TABLES}|${FK})\b[^.?!]{0,40}\bdependency (?:order|graph|tree)\b`),
  new RegExp(String.raw`\bwhich ${TABLES}\b[^.?!]{0,30}\b(?:first|before the others|last)\b`),
  // Missing primary keys.
  new RegExp(String.raw`\b(?:${TABLES})\b[^.?!]{0,30}\b(?:without|lacking|missing|with no|have no|has no|don'?t have|do not have|doesn'?t have)\b[^.?!]{0,12}\b(?:a )?primary keys?\b`),
  new RegExp(String.raw`\b(?:missing|no)\b[^.?!]{0,8}\bprimary keys?\b[^.?!]{0,40}\b(?:any|which|all|every|schema|tables)\b`),
  // Foreign keys without indexes.
  new RegExp(String.raw`\b(?:unindexed|non-indexed|missing (?:an )?index(?:es)?|without (?:an? )?(?:covering )?index(?:es)?|no index(?:es)?|lack(?:ing)? (?:an )?index(?:es)?)\b[^.?!]{0,40}\b${FK}`),
  new RegExp(String.raw`\b${FK}\b[^.?!]{0,40}\b(?:unindexed|not indexed|without (?:an? )?(?:covering )?index(?:es)?|missing (?:an )?index(?:es)?|lack(?:ing)? (?:an )?index(?:es)?|no index(?:es)?|need(?:s)? (?:an )?index(?:es)?)\b`),
  new RegExp(String.raw`\bindex(?:es)?\b[^.?!]{0,20}\b(?:missing|needed)\b[^.?!]{0,20}\b(?:on|for)\b[^.?!]{0,15}\b${FK}`),
  // Explicit requests for a review or audit of the schema or a migration.
  new RegExp(String.raw`\b(?:review|audit|sanity[\s-]check|lint|analy[sz]e)\b[^.?!]{0,30}\b(?:(?:the|our|this|my|these) )?(?:database |db |sql )?(?:schema|ddl|migrations?)\b`),
  new RegExp(String.raw`\bcheck\b[^.?!]{0,20}\b(?:(?:the|our|this|my) )?(?:database |db |sql )?(?:schema|ddl)\b[^.?!]{0,30}\b(?:problems?|issues?|mistakes?|risks?|for)\b`),
  new RegExp(String.raw`\b(?:schema|migration)[\s-](?:review|audit|analysis|check)\b`),
];

export function isSchemaReviewQuestion(question: string): boolean {
  const q = question.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
  return RULES.some((r) => r.test(q));
}
