// A campaign's or organisation's story, written in Markdown by its admins and shown to every donor.
// Raw HTML is dropped, links keep only safe schemes (react-markdown's own check drops javascript:
// and data:), and pictures are not rendered: a Markdown image would make each donor's browser fetch
// a third-party URL. Headings start at h2, under the page's title.
import Markdown, { type Components } from "react-markdown";

const ALLOWED = ["p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "code", "pre"];

const components: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h3>{children}</h3>,
  h4: ({ children }) => <h4>{children}</h4>,
  h5: ({ children }) => <h4>{children}</h4>,
  h6: ({ children }) => <h4>{children}</h4>,
  a: ({ href, children }) => (
    <a href={href} rel="nofollow noopener noreferrer ugc" className="font-semibold text-teal-800 underline">
      {children}
    </a>
  ),
};

export function StoryMarkdown({ markdown }: { markdown: string }) {
  return (
    <Markdown skipHtml allowedElements={ALLOWED} unwrapDisallowed components={components}>
      {markdown}
    </Markdown>
  );
}
