// dependency-cruiser (npm run lint): no import cycles, and imports flow one way.
// Type-only imports and lazy import()s count: a cycle through either is still a cycle.

const TESTS = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module may not depend on itself through others; move the shared part (often a type) to a module both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'Imports flow engine -> stores -> components -> app: the engine imports none of the others.',
      from: { path: '^engine/' },
      to: { path: '^(stores|components|app)/' },
    },
    {
      name: 'stores-below-ui',
      severity: 'error',
      comment: 'Imports flow engine -> stores -> components -> app: stores import neither components nor app.',
      from: { path: '^stores/' },
      to: { path: '^(components|app)/' },
    },
    {
      name: 'components-below-app',
      severity: 'error',
      comment: 'Imports flow engine -> stores -> components -> app: components do not import routes.',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'engine/core (the simulator and the contracts models, programs and monitors implement) imports nothing else of the engine.',
      from: { path: '^engine/core/', pathNot: TESTS },
      to: { path: '^engine/(?!core/)' },
    },
    {
      name: 'clients-stand-alone',
      severity: 'error',
      comment: 'engine/clients (wire protocols and client libraries) serves models and programs and imports neither.',
      from: { path: '^engine/clients/', pathNot: TESTS },
      to: { path: '^engine/(?!clients/|core/)' },
    },
    {
      name: 'programs-not-models',
      severity: 'error',
      comment: 'A program talks to a model through engine/clients, never by importing it.',
      from: { path: '^engine/patterns/', pathNot: TESTS },
      to: { path: '^engine/models/' },
    },
    {
      name: 'models-not-programs',
      severity: 'error',
      comment: "A model does not import programs; only the program hosts' parameters (client, attacker, notifier) are built from the program catalog and params.",
      from: { path: '^engine/models/', pathNot: [TESTS, '^engine/models/(client|attacker|notifier)/params\\.ts$'] },
      to: { path: '^engine/patterns/' },
    },
    {
      name: 'hosts-take-params-only',
      severity: 'error',
      comment: "The program hosts' parameters take the program catalog and programs' params, nothing else of engine/patterns.",
      from: { path: '^engine/models/(client|attacker|notifier)/params\\.ts$' },
      to: { path: '^engine/patterns/', pathNot: '^engine/patterns/(catalog|params-catalog|[^/]+/params)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
