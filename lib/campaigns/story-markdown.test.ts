import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StoryMarkdown } from "./story-markdown";

const render = (markdown: string) => renderToStaticMarkup(createElement(StoryMarkdown, { markdown }));

describe("StoryMarkdown", () => {
  it("renders a story's Markdown: emphasis, lists, links that open nothing of ours", () => {
    const html = render("We are **digging** _ten_ wells.\n\n- one\n- two\n\n[Our report](https://example.org/report)");
    expect(html).toContain("<strong>digging</strong>");
    expect(html).toContain("<em>ten</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org/report" rel="nofollow noopener noreferrer ugc"');
  });

  it("renders no raw HTML, no script, no javascript: or data: link", () => {
    const html = render(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href="javascript:alert(4)">raw</a>',
    );
    expect(html).not.toMatch(/<script|<img|onerror|javascript:|data:text/i);
    expect(html).toContain(">click</a>");
  });

  it("loads no picture from elsewhere (every donor's browser would fetch it) and keeps the page's one h1", () => {
    const html = render("# Big title\n\n![tracker](https://tracker.example/pixel.gif)\n\n### Smaller");
    expect(html).not.toContain("tracker.example");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h2>Big title</h2>");
    expect(html).toContain("<h3>Smaller</h3>");
  });
});
