import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import amply from "./eslint-rules/no-outside-citations.mjs";

// Formatting is Prettier's (`prettier --check .` in `npm run lint`). None of these presets turns on a stylistic
// rule that Prettier would contradict; add eslint-config-prettier last if one ever does.
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Type-aware rules need the TypeScript program, so they run on .ts/.tsx only; the project service
  // finds tsconfig.json (which includes every .ts/.tsx file in the repository).
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error; `void` marks the ones left running on purpose.
      "@typescript-eslint/no-floating-promises": "error",
      // An async function where a void callback is expected (event handlers, forEach) drops its rejection.
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Comments stand on their own: no citations of documents outside the repository.
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { amply },
    rules: { "amply/no-outside-citations": "error" },
  },
  // Browser tests take `test` from e2e/support/test.ts, which runs axe on every page they visit.
  {
    files: ["e2e/**/*.ts"],
    ignores: ["e2e/support/test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test"], message: "Import test from e2e/support/test.ts: it checks every page with axe." }] },
      ],
    },
  },
  // The dashboard reads every word from its message files (lib/i18n/messages, docs/i18n.md): text
  // written straight into these files' JSX fails here. Punctuation between messages is allowed.
  {
    files: [
      "app/(dashboard)/layout.tsx",
      "app/(dashboard)/dashboard/[[]orgSlug]/layout.tsx",
      "app/(dashboard)/dashboard/[[]orgSlug]/page.tsx",
      "app/(dashboard)/dashboard/[[]orgSlug]/donations/**/*.tsx",
      "app/(dashboard)/dashboard/[[]orgSlug]/donors/**/*.tsx",
      "app/(dashboard)/dashboard/[[]orgSlug]/recurring/**/*.tsx",
      "app/(dashboard)/dashboard/[[]orgSlug]/statements/**/*.tsx",
      "app/(dashboard)/dashboard/[[]orgSlug]/gift-aid/**/*.tsx",
      "components/dashboard-nav.tsx",
      "components/organisation-switcher.tsx",
      "components/site-header.tsx",
      "components/sandbox-banner.tsx",
      "components/forbidden-message.tsx",
      "components/not-found-message.tsx",
      "components/donations/donation-filter-form.tsx",
      "components/donations/refund-form.tsx",
      "components/donations/report-download-form.tsx",
      "components/donations/status-badge.tsx",
      "components/reports/**/*.tsx",
      "components/statements/**/*.tsx",
      "components/gift-aid/**/*.tsx",
      "components/receipts/**/*.tsx",
      "components/recurring/cancel-for-donor-form.tsx",
      "components/ui/**/*.tsx",
      "app/\\(dashboard\\)/dashboard/page.tsx",
      "app/\\(dashboard\\)/dashboard/new/**/*.tsx",
      "app/\\(dashboard\\)/dashboard/\\[orgSlug\\]/{settings,members,campaigns,funds,share}/**/*.tsx",
      "app/\\(auth\\)/**/*.tsx",
      "components/organisations/**/*.tsx",
      "components/campaigns/{campaign-form,fund-form}.tsx",
      "components/share/**/*.tsx",
    ],
    rules: {
      "react/jsx-no-literals": [
        "error",
        { noStrings: false, ignoreProps: true, allowedStrings: ["·", "—", "–", "/", ":", "(", ")", "%", "×", "…", "▾", "-", ","] },
      ],
    },
  },
  // The donor pages speak the donor's language (docs/i18n.md): their words come from the message files,
  // never from text written into the markup. Punctuation between messages is allowed.
  {
    files: [
      "app/(public)/give/**/*.tsx",
      "app/(public)/donation/**/*.tsx",
      "app/(public)/manage/**/*.tsx",
      "components/donations/donation-form.tsx",
      "components/donations/gift-fieldset.tsx",
      "components/donations/donor-fieldset.tsx",
      "components/donations/payment-fieldset.tsx",
      "components/donations/bank-transfer-panel.tsx",
      "components/donations/campaign-progress.tsx",
      "components/donations/language-switcher.tsx",
      "components/campaigns/campaign-facts.tsx",
      "components/campaigns/share-panel.tsx",
      "components/recurring/request-link-form.tsx",
      "components/recurring/gift-forms.tsx",
      "components/recurring/payment-method-form.tsx",
    ],
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: false, ignoreProps: true, allowedStrings: ["·", "—", "–", "/", ":", "(", ")", "%", "×", "…", "."] }],
    },
  },
  // The Stripe.js stand-in is plain browser JavaScript served as a file, not part of the app bundle.
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "sandbox/stripe-js/**",
    "playwright-report/**",
    "test-results/**",
    ".amply/**",
    "next-env.d.ts",
  ]),
]);
