import { isSchemaReviewQuestion } from '../../src/schema/schema-review';

describe('isSchemaReviewQuestion', () => {
  it.each([
    'What order should we migrate these tables, and are there circular foreign keys?',
    'Are there any circular FKs in our schema?',
    'Do any tables reference each other in a loop?',
    'Which tables depend on each other cyclically? any cycles between the tables?',
    'In which order do I need to create the tables?',
    'what sequence should the tables be loaded in when restoring a dump',
    'Give me the dependency order of the tables',
    'Which tables have to be created first?',
    'Which tables have no primary key?',
    'Are there tables without a primary key?',
    'Any foreign keys without an index?',
    'List unindexed foreign keys please',
    'Which FK columns are missing indexes?',
    'Can you review the database schema?',
    'Please do a schema review of pagila',
    'audit our DDL before the migration',
    'Check the schema for problems before we migrate',
    'When migrating, which tables must come before the others?',
  ])('review: %s', (q) => expect(isSchemaReviewQuestion(q)).toBe(true));

  it.each([
    'What is the primary key of the film table?',
    'How do I list tags?',
    'Which table links films to actors?',
    'How do I run the database migrations locally?',
    'What does the customer_id foreign key on rental point to?',
    'Why did we choose PostgreSQL over MySQL?',
    'How are results ordered in the list shipments endpoint?',
    'Is there an index on rental_date?',
    'How do I create a webhook?',
    'What columns does the payment table have?',
    'How do I migrate from API v1 to v2?',
  ])('not a review: %s', (q) => expect(isSchemaReviewQuestion(q)).toBe(false));
});
