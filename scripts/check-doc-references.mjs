// `npm run lint`, for what ESLint does not read:
// - prisma/schema.prisma's comments (and the `///` doc comments Prisma copies into the generated
//   client) must not cite documents outside the repository (the pattern of the ESLint rule in
//   eslint-rules/no-outside-citations.mjs);
// - every `docs/<page>.md#<heading>` a source file points to must name a heading of that page, so a
//   renamed heading cannot leave comments pointing nowhere.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { OUTSIDE_CITATION } from "../eslint-rules/no-outside-citations.mjs";

const problems = [];

const schema = "prisma/schema.prisma";
readFileSync(schema, "utf8")
  .split("\n")
  .forEach((line, index) => {
    const comment = line.slice(line.indexOf("//"));
    if (comment.startsWith("//") && OUTSIDE_CITATION.test(comment)) {
      problems.push(
        `${schema}:${index + 1}  cites a document outside the repository: ${comment.trim()}\n  Say the reason here, or point to docs/stripe.md or docs/architecture.md.`,
      );
    }
  });

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const anchor = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
const anchors = new Map();
function anchorsOf(page) {
  if (!anchors.has(page)) {
    const text = existsSync(page) ? readFileSync(page, "utf8") : "";
    anchors.set(page, new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => anchor(match[1]))));
  }
  return anchors.get(page);
}

const sources = execFileSync(
  "git",
  ["ls-files", "--cached", "--others", "--exclude-standard", "app", "lib", "components", "sandbox", "scripts", "tests", "e2e", "prisma"],
  { encoding: "utf8" },
)
  .split("\n")
  .filter((file) => /\.(ts|tsx|js|mjs|prisma)$/.test(file) && !file.startsWith("lib/db/generated/") && existsSync(file));
for (const file of sources) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      for (const match of line.matchAll(/docs\/([a-z-]+\.md)#([a-z0-9-]+)/g)) {
        if (!anchorsOf(`docs/${match[1]}`).has(match[2]))
          problems.push(`${file}:${index + 1}  points to docs/${match[1]}#${match[2]}, which is not a heading there.`);
      }
    });
}

for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
