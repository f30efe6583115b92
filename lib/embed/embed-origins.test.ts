import { describe, expect, it } from "vitest";
import { normaliseEmbedOrigin, parseEmbedOrigins } from "./embed-origins";

const live = { allowLoopbackHttp: false };
const sandbox = { allowLoopbackHttp: true };

describe("an allowed embedding origin", () => {
  it("keeps scheme, host and a non-default port, in lower case, without a trailing slash", () => {
    expect(normaliseEmbedOrigin("https://www.Example.ORG/", live)).toEqual({ ok: true, origin: "https://www.example.org" });
    expect(normaliseEmbedOrigin("  https://example.org:8443 ", live)).toEqual({ ok: true, origin: "https://example.org:8443" });
    expect(normaliseEmbedOrigin("https://example.org:443", live)).toEqual({ ok: true, origin: "https://example.org" });
    expect(normaliseEmbedOrigin("https://bücher.example", live)).toEqual({ ok: true, origin: "https://xn--bcher-kva.example" });
  });

  it("refuses paths, queries, fragments, credentials and wildcards", () => {
    for (const text of [
      "https://example.org/donate",
      "https://example.org/?a=1",
      "https://example.org/#x",
      "https://user:pw@example.org",
      "https://*.example.org",
      "*",
      "example.org",
      "https://",
      "javascript:alert(1)",
      "https://exa mple.org",
      "'self' https://example.org",
      "https://example.org;script-src *",
    ]) {
      expect(normaliseEmbedOrigin(text, live), text).toMatchObject({ ok: false });
    }
  });

  it("takes http only for the machine itself, and only in the sandbox", () => {
    expect(normaliseEmbedOrigin("http://example.org", sandbox)).toMatchObject({ ok: false });
    expect(normaliseEmbedOrigin("http://localhost:4000", live)).toMatchObject({ ok: false });
    expect(normaliseEmbedOrigin("http://localhost:4000", sandbox)).toEqual({ ok: true, origin: "http://localhost:4000" });
    expect(normaliseEmbedOrigin("http://127.0.0.1:4000/", sandbox)).toEqual({ ok: true, origin: "http://127.0.0.1:4000" });
  });
});

describe("the list of allowed origins", () => {
  it("reads one per line or separated by spaces and commas, without duplicates", () => {
    expect(parseEmbedOrigins("https://a.example\n https://B.example/ , https://a.example/\n\n", live)).toEqual({
      ok: true,
      origins: ["https://a.example", "https://b.example"],
    });
    expect(parseEmbedOrigins("", live)).toEqual({ ok: true, origins: [] });
  });

  it("names the first entry it refuses", () => {
    expect(parseEmbedOrigins("https://a.example\nhttps://b.example/page", live)).toEqual({
      ok: false,
      error: expect.stringContaining("https://b.example/page") as string,
    });
  });

  it("keeps to 20 origins", () => {
    const many = Array.from({ length: 21 }, (_, index) => `https://site${index}.example`).join("\n");
    expect(parseEmbedOrigins(many, live)).toMatchObject({ ok: false });
  });
});
