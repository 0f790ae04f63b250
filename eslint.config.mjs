import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** Test code (vitest) stays in test files: a helper that pulls vitest in would ship it to the app. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const noVitest = { group: ['vitest', 'vitest/*'], message: 'Only *.test.ts files import vitest; helpers throw errors with a message instead (see engine/testing).' };

/**
 * Imports flow one way: engine -> stores -> components -> app. `more`: further patterns for the
 * layer. Two entries, because outside test files vitest is forbidden too.
 */
const layer = (files, forbidden, more = []) => {
  const patterns = [
    ...forbidden.map((dir) => ({
      group: [`@/${dir}/*`, `**/${dir}/*`],
      message: `Imports flow engine -> stores -> components -> app; this layer may not import from ${dir}/.`,
    })),
    ...more,
  ];
  return [
    { files, ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, noVitest] }] } },
    { files: files.flatMap((f) => TESTS.map((t) => f.replace(/\*\*$/, '') + t)), rules: { 'no-restricted-imports': ['error', { patterns }] } },
  ];
};

/** The UI reads a kind through its view (engine/models/<kind>/view.ts) and the run through store selectors. */
const viewsOnly = [
  {
    group: ['@/engine/models/*/model', '@/engine/models/*/behaviour', '@/engine/models/*/zk/*'],
    message: "Cards read their kind's view (engine/models/<kind>/view.ts), never its model or its state types.",
  },
  {
    group: ['@/engine/core/simulation'],
    allowTypeImports: true,
    message: 'Components read the run through stores/ selectors, not by holding the engine.',
  },
];

/**
 * What a person reads in the UI comes from the message catalogs (engine/i18n/README.md): text in
 * JSX, a string or template in braces between tags, and the attributes people read (not className)
 * are flagged when they hold letters. Symbols, digits and punctuation may stay.
 */
const WORDS = '/[A-Za-z]{2,}/';
const uiLiterals = [
  { selector: `JSXText[value=${WORDS}]`, message: 'Text people read comes from the catalogs: t(\'ui.…\') (engine/i18n/README.md).' },
  { selector: `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > Literal[value=${WORDS}]`, message: 'Text people read comes from the catalogs: t(\'ui.…\').' },
  { selector: ':matches(JSXElement, JSXFragment) > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2,} /]', message: 'Text people read comes from the catalogs: t(\'ui.…\', { … }).' },
  {
    selector: `JSXAttribute[name.name=/^(title|aria-label|aria-description|placeholder|alt|label)$/] > Literal[value=${WORDS}]`,
    message: 'Labels and hints people read come from the catalogs.',
  },
  {
    selector: 'JSXAttribute[name.name=/^(title|aria-label|aria-description|placeholder|alt|label)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2,} /]',
    message: 'Labels and hints people read come from the catalogs.',
  },
];
/** UI folders whose text is not in the catalogs yet (#18): each leaves this list when it is converted. */
const UI_NOT_YET_TRANSLATED = [
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores(['.next/**', 'out/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.scratch/**']),
  ...layer(['engine/**'], ['stores', 'components', 'app']),
  ...layer(['stores/**'], ['components', 'app']),
  ...layer(['components/**'], ['app'], viewsOnly),
  {
    // The engine is pure and deterministic: no wall clock, no ambient randomness, no DOM.
    files: ['engine/**/*.ts'],
    ignores: ['engine/cli.ts', 'engine/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine runs on virtual time; use ctx.now.' },
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (ctx.random).' },
        { object: 'performance', property: 'now', message: 'The engine runs on virtual time.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'setTimeout', 'setInterval'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'No wall clock in the engine.' }],
    },
  },
  {
    files: ['components/**/*.tsx', 'app/**/*.tsx'],
    ignores: [...TESTS, ...UI_NOT_YET_TRANSLATED],
    rules: { 'no-restricted-syntax': ['error', ...uiLiterals] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
]);
