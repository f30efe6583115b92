import { describe, expect, it } from "vitest";
import { embedContextFrom, returnToWithOutcome } from "./embed-context";

const listed = ["https://www.example.org", "http://127.0.0.1:4100"];

describe("the page's embedding, as its address claims it", () => {
  it("is taken when the framing site is one the organisation lists", () => {
    expect(embedContextFrom(listed, { embed: "https://www.example.org", return_to: "https://www.example.org/donate?x=1#top" })).toEqual({
      parentOrigin: "https://www.example.org",
      returnTo: "https://www.example.org/donate?x=1",
    });
    expect(embedContextFrom(listed, { embed: "http://127.0.0.1:4100" })).toEqual({ parentOrigin: "http://127.0.0.1:4100", returnTo: null });
  });

  it("keeps the way back at the top level, where a framed page hands over a bank payment", () => {
    expect(embedContextFrom(listed, { return_to: "https://www.example.org/donate" })).toEqual({
      parentOrigin: null,
      returnTo: "https://www.example.org/donate",
    });
  });

  it("is refused for a site not listed, and a way back only ever leads to a listed site", () => {
    expect(embedContextFrom(listed, { embed: "https://evil.example" })).toBeNull();
    expect(embedContextFrom([], { embed: "https://www.example.org" })).toBeNull();
    expect(embedContextFrom(listed, {})).toBeNull();
    expect(embedContextFrom(listed, { embed: "https://evil.example", return_to: "https://evil.example/" })).toBeNull();
    for (const returnTo of ["https://evil.example/", "javascript:alert(1)", "//evil.example", "https://www.example.org.evil.example/", "not a url"]) {
      expect(embedContextFrom(listed, { embed: "https://www.example.org", return_to: returnTo }), returnTo).toEqual({
        parentOrigin: "https://www.example.org",
        returnTo: null,
      });
    }
  });
});

describe("the way back to the organisation's page", () => {
  it("carries the outcome, replacing one the address had", () => {
    expect(returnToWithOutcome("https://www.example.org/donate?amply_donation=failed&x=1", "succeeded")).toBe(
      "https://www.example.org/donate?x=1&amply_donation=succeeded",
    );
  });
});
