import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The Stripe.js stand-in is plain browser JavaScript served as a file, not part of the app bundle.
  globalIgnores([".next/**", "node_modules/**", "lib/db/generated/**", "sandbox/stripe-js/**", "playwright-report/**", "test-results/**", ".amply/**", "next-env.d.ts"]),
]);
