/**
 * The arrows of STYLE.md, enforced in `npm test`:
 * adapters (slack, cli, console) -> capabilities -> base (llm, config, log, errors, text, security, db, paths).
 * No exceptions list: a rule that needs one means a piece lives on the wrong level.
 */
const ADAPTERS = '^src/(slack|cli|console)/';
const CAPABILITIES = '^src/(knowledge|schema|escalation|copy|metrics|scaffold|memory|store)/';
const BASE = '^src/(llm|text|security|db)/|^src/(config|log|errors|paths)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make load order matter.', from: {}, to: { circular: true } },
    {
      name: 'capability-not-adapter',
      severity: 'error',
      comment: 'Capabilities are called by adapters, never the other way round.',
      from: { path: CAPABILITIES },
      to: { path: ADAPTERS },
    },
    {
      name: 'capability-not-slack',
      severity: 'error',
      comment: 'Only the Slack adapter knows Bolt, the Web API and Block Kit types.',
      from: { path: `${CAPABILITIES}|${BASE}|^ingest/` },
      to: { path: 'node_modules/@slack/' },
    },
    {
      name: 'base-not-up',
      severity: 'error',
      comment: 'The base (llm, text, security, db, config, log, errors) knows no capability or adapter.',
      from: { path: BASE },
      to: { path: `${CAPABILITIES}|${ADAPTERS}|^ingest/` },
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
      comment: 'The ingest pipeline is called by adapters.',
      from: { path: '^ingest/' },
      to: { path: ADAPTERS },
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
