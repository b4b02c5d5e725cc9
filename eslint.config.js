// ESLint flat config. `npm run lint` (= `eslint .`) runs it; `npm run check` runs it after `tsc`.
//
// Type-aware rules (typescript-eslint `recommendedTypeChecked`) cover every TypeScript file that
// tsconfig.json includes (src/, test/, bench/, web/, root *.config.ts). They need the TypeScript 5.x
// compiler API, which is why typescript 5.9 is the installed `typescript` (7.x is native-only).
// Formatting is Prettier's job; nothing here checks layout.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'test/**/*.tsx'];

// Node's globals for the few plain JavaScript files (bin/, this file). Listed by hand rather than
// pulling in the `globals` package for half a dozen names.
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '.forecourt/',
    'scratch/',
    'coverage/',
    '.bench/',
    'test-results/',
    'playwright-report/',
    // Dot-files such as `src/x/.tmp-try.ts` are local scratch: tsconfig's `include` globs skip
    // them, so they have no type information to lint with (and `tsc` does not check them either).
    '**/.*.ts',
    '**/.*.tsx',
  ]),

  {
    linterOptions: {
      // An eslint-disable comment that no longer disables anything is dead weight: report it.
      reportUnusedDisableDirectives: 'error',
    },
  },

  js.configs.recommended,

  {
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // One TypeScript program per tsconfig, found from each file (faster and simpler than
        // listing `project`). Files outside tsconfig's `include` are a lint error, on purpose:
        // they would otherwise escape `tsc` too.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // --- Required by the architecture (convention 10) ---
      // A promise nobody awaits loses its errors and its ordering. Use `void` to say "on purpose".
      '@typescript-eslint/no-floating-promises': 'error',
      // Adding a member to a union (a channel, a status, a skip reason) must break every switch
      // that does not handle it. A `default:` does not count as handling union members, so new
      // members are never silently swallowed; switches over plain strings/numbers need no default.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // tsconfig has `verbatimModuleSyntax`, so tsc already rejects a type imported as a value;
      // this rule makes the fix automatic (`eslint --fix`) and the style uniform.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],

      // --- Relaxed on purpose, to fit Fastify / Kysely / pg idioms without `as` casts ---
      // Fastify selects its promise API by `async` (plugins, hooks, handlers), so async functions
      // without an `await` are normal there.
      '@typescript-eslint/require-await': 'off',
      // Passing an async function where a void callback is expected is how Fastify hooks, Node
      // event handlers and React event props are written; still catch promises used as conditions.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      // `any` reaches us from library typings we do not control (pg's QueryResult<any>, JSON.parse,
      // some Fastify decorators). The cure is validation (zod) at the boundary, not `as` casts, so
      // these stay visible as warnings instead of pushing people to cast their way past an error.
      '@typescript-eslint/no-unsafe-assignment': 'warn',
      '@typescript-eslint/no-unsafe-member-access': 'warn',
      '@typescript-eslint/no-unsafe-call': 'warn',
      '@typescript-eslint/no-unsafe-return': 'warn',
      '@typescript-eslint/no-unsafe-argument': 'warn',
      // Kysely's `sql` tag and template literals with numbers/booleans are fine; objects are not.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowRegExp: false },
      ],
      // The base rule does not understand types; the typescript-eslint one above replaces it.
      'no-unused-vars': 'off',
      // Stripping NULs and other control characters out of DMS exports is deliberate here
      // (e.g. /[\0\x1f]/); the rule would demand a disable comment on every such cleaner.
      'no-control-regex': 'off',
    },
  },

  {
    // Tests: vitest's `expect(obj.method)` and `vi.fn()` mocks trip these rules without any bug.
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  {
    // React: hooks and contexts hand back objects meant to be destructured
    // (`const { setStoreId } = useStores()`); whether their interface spells a member as a method
    // or as a function-typed property says nothing about `this`, and none of them use `this`.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  {
    // Plain JavaScript (bin/forecourt.js, this file): no type information, Node globals.
    files: JS_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: nodeGlobals,
    },
  },
]);
