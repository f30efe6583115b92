import { describe, expect, it } from "vitest";
import { shareLinks, websiteLink } from "./share-links";

describe("shareLinks", () => {
  const page = "https://amply.example/give/river-trust?campaign=wells";
  const links = shareLinks(page, "I gave to Wells for Wakiso");

  it("are plain https share addresses (no script) carrying the page's address, and an email", () => {
    expect(links.map((link) => link.name)).toEqual(["Facebook", "X", "LinkedIn", "WhatsApp", "Email"]);
    for (const link of links.slice(0, 4)) {
      expect(new URL(link.href).protocol).toBe("https:");
      expect(decodeURIComponent(link.href)).toContain(page);
    }
    expect(links[0]?.href).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(page)}`);
    expect(links[4]?.href).toMatch(/^mailto:\?subject=/);
    expect(decodeURIComponent(links[4]?.href ?? "")).toContain(page);
  });

  it("encode the text so it cannot add parameters of its own", () => {
    const [, x] = shareLinks(page, "Give & share?url=https://evil.example");
    const url = new URL(x?.href ?? "");
    expect(url.searchParams.get("url")).toBe(page);
    expect(url.searchParams.get("text")).toBe("Give & share?url=https://evil.example");
  });
});

describe("websiteLink", () => {
  it("offers only an https website", () => {
    expect(websiteLink("https://river-trust.example/")).toBe("https://river-trust.example/");
    expect(websiteLink("http://river-trust.example/")).toBeNull();
    expect(websiteLink("javascript:alert(1)")).toBeNull();
    expect(websiteLink(null)).toBeNull();
  });
});
