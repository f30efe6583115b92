// Comments must stand on their own: a numbered point of an errata list or a style guide that is not
// in this repository tells a newcomer nothing. Say the reason in place, or point to a heading in
// docs/ (docs/stripe.md#fee-gross-up). scripts/check-doc-references.mjs applies the same pattern
// to prisma/schema.prisma.
export const OUTSIDE_CITATION = /\bERRATA\b|\bSTYLE(\.md)?\b|shared\/spec/;

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "Disallow comments that cite documents outside the repository" },
    schema: [],
    messages: {
      citation: "This comment cites a document outside the repository ({{match}}). Say the reason here, or point to docs/stripe.md or docs/architecture.md.",
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const match = OUTSIDE_CITATION.exec(comment.value);
          if (match) context.report({ loc: comment.loc, messageId: "citation", data: { match: match[0] } });
        }
      },
    };
  },
};

const plugin = { rules: { "no-outside-citations": rule } };

export default plugin;
