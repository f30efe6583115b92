// `npm run lint` for prisma/schema.prisma, which ESLint does not read: its comments (and the `///`
// doc comments Prisma copies into the generated client) must not cite documents outside the
// repository. The same pattern as the ESLint rule in eslint-rules/no-outside-citations.mjs.
import { readFileSync } from "node:fs";
import { OUTSIDE_CITATION } from "../eslint-rules/no-outside-citations.mjs";

const file = "prisma/schema.prisma";
const problems = readFileSync(file, "utf8")
  .split("\n")
  .map((line, index) => ({ line: index + 1, comment: line.slice(line.indexOf("//")) }))
  .filter(({ comment }) => comment.startsWith("//") && OUTSIDE_CITATION.test(comment));

for (const { line, comment } of problems) {
  console.error(`${file}:${line}  cites a document outside the repository: ${comment.trim()}`);
  console.error("  Say the reason here, or point to docs/stripe.md or docs/architecture.md.");
}
process.exit(problems.length > 0 ? 1 : 0);
