/**
 * The arrows of STYLE.md, enforced in `npm test`:
 *   adapters (slack, cli, console, main) → capabilities → base (ports, llm, text, security, db, config, log, errors)
 *   adapters → store (the repositories over db/) → capabilities' types
 *   cli, console → terminal (what both terminal adapters share: plain-text rendering, the ingest runner)
 *   main.ts (the composition root) → every adapter
 * No exceptions list: a rule that needs one means a piece lives on the wrong level.
 */
const ADAPTERS = '^src/(slack|cli|console)/|^src/main\\.ts$';
const CAPS = 'knowledge|schema|escalation|copy|metrics|scaffold|memory';
const CAPABILITIES = `^src/(${CAPS})/`;
const STORE = '^src/store/';
const BASE = '^src/(ports|llm|text|security|db)/|^src/(config|config-hints|log|errors|paths)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make load order matter.', from: {}, to: { circular: true } },
    {
      name: 'capability-not-adapter',
      severity: 'error',
      comment: 'Capabilities are called by adapters (and reach the world through ports), never the other way round.',
      from: { path: CAPABILITIES },
      to: { path: `${ADAPTERS}|${STORE}` },
    },
    {
      name: 'capability-not-other-capability',
      severity: 'error',
      comment: 'A piece two capabilities need belongs one level down (ports, text, llm). Answering may run a schema review: schema sits below knowledge.',
      from: { path: `^src/(${CAPS})/`, pathNot: '^src/knowledge/' },
      to: { path: CAPABILITIES, pathNot: '^src/$1/' },
    },
    {
      name: 'schema-below-knowledge',
      severity: 'error',
      comment: 'knowledge may use schema (schema-review questions); knowledge reaches no other capability.',
      from: { path: '^src/knowledge/' },
      to: { path: `^src/(escalation|copy|metrics|scaffold|memory)/` },
    },
    {
      name: 'adapter-not-other-adapter',
      severity: 'error',
      comment: 'The console, the CLI and Slack each call capabilities; none borrows another adapter.',
      from: { path: '^src/(slack|cli|console)/' },
      to: { path: '^src/(slack|cli|console)/', pathNot: '^src/$1/' },
    },
    {
      name: 'terminal-not-adapter',
      comment: 'What the CLI and the console share knows neither of them, nor Slack.',
      severity: 'error',
      from: { path: '^src/terminal/' },
      to: { path: `${ADAPTERS}` },
    },
    {
      name: 'only-main-composes',
      severity: 'error',
      comment: 'Only the composition root and the CLI entry that calls it import src/main.ts.',
      from: { path: '^src/', pathNot: '^src/cli/(start|manifest)\\.ts$' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'capability-not-slack',
      severity: 'error',
      comment: 'Only the Slack adapter knows Bolt, the Web API and Block Kit types.',
      from: { path: `${CAPABILITIES}|${BASE}|${STORE}|^ingest/|^src/terminal/` },
      to: { path: 'node_modules/@slack/' },
    },
    {
      name: 'base-not-up',
      severity: 'error',
      comment: 'The base knows no capability, store, adapter or the ingest pipeline.',
      from: { path: BASE },
      to: { path: `${CAPABILITIES}|${ADAPTERS}|${STORE}|^ingest/` },
    },
    {
      name: 'store-not-adapter',
      severity: 'error',
      comment: 'Repositories serve adapters; they know no adapter or pipeline.',
      from: { path: STORE },
      to: { path: `${ADAPTERS}|^ingest/` },
    },
    {
      name: 'capability-not-ingest',
      severity: 'error',
      comment: 'Only adapters that start an ingest import ingest/.',
      from: { path: `${CAPABILITIES}` },
      to: { path: '^ingest/' },
    },
    {
      name: 'ingest-not-adapter',
      severity: 'error',
      comment: 'The ingest pipeline is called by adapters, and writes no state but the index.',
      from: { path: '^ingest/' },
      to: { path: `${ADAPTERS}|${STORE}` },
    },
    {
      name: 'not-test',
      severity: 'error',
      comment: 'Shipped code and benches never import tests or their fakes.',
      from: { path: '^(src|ingest|bench)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|ingest/samples|test/fixtures)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
