import { describe, expect, it } from "vitest";
import { withLang } from "@/components/donations/language-switcher";

describe("the language switcher's links", () => {
  it("keep the page's other query parameters and replace its language", () => {
    expect(withLang("/give/acme", { campaign: "winter", amount: "25", lang: "de" }, "fr")).toBe("/give/acme?campaign=winter&amount=25&lang=fr");
    expect(withLang("/give/acme", {}, "nl")).toBe("/give/acme?lang=nl");
    expect(withLang("/give/acme", { embed: "https://site.example", return_to: "https://site.example/a?b=c" }, "de")).toBe(
      "/give/acme?embed=https%3A%2F%2Fsite.example&return_to=https%3A%2F%2Fsite.example%2Fa%3Fb%3Dc&lang=de",
    );
  });
});
