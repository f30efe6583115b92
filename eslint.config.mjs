import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import amply from "./eslint-rules/no-outside-citations.mjs";

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
  // Comments stand on their own: no citations of documents outside the repository.
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { amply },
    rules: { "amply/no-outside-citations": "error" },
  },
  // The Stripe.js stand-in is plain browser JavaScript served as a file, not part of the app bundle.
  globalIgnores([".next/**", "node_modules/**", "lib/db/generated/**", "sandbox/stripe-js/**", "playwright-report/**", "test-results/**", ".amply/**", "next-env.d.ts"]),
]);
