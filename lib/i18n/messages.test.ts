// Every language of a donor-facing namespace has exactly the keys English has, no empty text, and
// the same placeholders and tags: a missing or misspelt key fails here, before a donor could see a
// raw key or an "{organsation}" left unfilled.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isArgumentElement, isPluralElement, isSelectElement, isTagElement, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { chooseLocale } from "./choose-locale";
import { LOCALES } from "./locales";
import { DASHBOARD_MESSAGES, DONOR_MESSAGES, messagesFor } from "./messages";
import { translator } from "./translator";

type Tree = { [key: string]: string | Tree };
const MESSAGES_DIR = path.join(import.meta.dirname, "messages");

/** "a.b.c" -> message for every leaf of a message file. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(name, value);
    else for (const [inner, text] of leaves(value, name)) found.set(inner, text);
  }
  return found;
}

/** The placeholders and tags a message uses ("{amount}", "<link>"), sorted. */
function slots(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isArgumentElement(element)) names.add(`{${element.value}}`);
      if (isTagElement(element)) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
      if (isPluralElement(element) || isSelectElement(element)) {
        names.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Tree;

describe("message files", () => {
  const namespaces = readdirSync(MESSAGES_DIR);

  it("every folder under messages/ is registered, donor namespaces in every language and dashboard ones in English", () => {
    const registered = [...Object.keys(DONOR_MESSAGES), ...Object.keys(DASHBOARD_MESSAGES)].sort();
    expect(namespaces.sort()).toEqual(registered);
    for (const namespace of Object.keys(DONOR_MESSAGES)) {
      expect(readdirSync(path.join(MESSAGES_DIR, namespace)).sort(), namespace).toEqual(LOCALES.map((l) => `${l}.json`).sort());
    }
    for (const namespace of Object.keys(DASHBOARD_MESSAGES)) {
      expect(readdirSync(path.join(MESSAGES_DIR, namespace)), namespace).toEqual(["en.json"]);
    }
  });

  for (const namespace of Object.keys(DONOR_MESSAGES)) {
    const english = leaves(readJson(path.join(MESSAGES_DIR, namespace, "en.json")));
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      it(`${namespace}/${locale}.json has English's keys, placeholders and tags, and no empty text`, () => {
        const other = leaves(readJson(path.join(MESSAGES_DIR, namespace, `${locale}.json`)));
        expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
        for (const [key, text] of other) {
          expect(text.trim(), `${namespace}.${key} in ${locale}`).not.toBe("");
          expect(slots(text), `${namespace}.${key} in ${locale}`).toEqual(slots(english.get(key) as string));
        }
      });
    }
  }

  it("every English message parses as ICU and is not empty", () => {
    for (const namespace of namespaces) {
      for (const [key, text] of leaves(readJson(path.join(MESSAGES_DIR, namespace, "en.json")))) {
        expect(text.trim(), `${namespace}.${key}`).not.toBe("");
        expect(() => parse(text), `${namespace}.${key}`).not.toThrow();
      }
    }
  });
});

describe("translator", () => {
  it("fills placeholders in the chosen language", () => {
    expect(translator("de", "common")("giveTo", { organisation: "Ärzte ohne Grenzen" })).toBe("Spenden an Ärzte ohne Grenzen");
    expect(translator("fr", "common")("giveTo", { organisation: "Emmaüs" })).toBe("Faire un don à Emmaüs");
  });

  it("never shows a key's name: a message left without its value reads as nothing", () => {
    const t = translator("de", "common") as unknown as (key: string) => string;
    expect(t("giveTo")).toBe("");
  });

  it("hands a client provider only the namespaces asked for", () => {
    expect(Object.keys(messagesFor("nl", ["common"]))).toEqual(["common"]);
  });
});

describe("chooseLocale", () => {
  it("takes ?lang= over the browser and the organisation", () => {
    expect(chooseLocale({ lang: "fr", acceptLanguage: "de-DE,de;q=0.9", organisationDefault: "nl" })).toBe("fr");
    expect(chooseLocale({ lang: "FR-be", acceptLanguage: "de-DE" })).toBe("fr");
  });

  it("ignores a ?lang= Amply does not speak, and a repeated one", () => {
    expect(chooseLocale({ lang: "es", acceptLanguage: "de-DE" })).toBe("de");
    expect(chooseLocale({ lang: ["fr", "nl"], acceptLanguage: "de-DE" })).toBe("de");
  });

  it("follows Accept-Language by quality, matching regions to their language", () => {
    expect(chooseLocale({ acceptLanguage: "de-DE,de;q=0.9,en;q=0.8" })).toBe("de");
    expect(chooseLocale({ acceptLanguage: "es-ES, nl-BE;q=0.7, fr;q=0.9" })).toBe("fr");
    expect(chooseLocale({ acceptLanguage: "en;q=0.1, nl-BE" })).toBe("nl");
  });

  it("falls back to the organisation's default, then English", () => {
    expect(chooseLocale({ acceptLanguage: "es-ES,pt;q=0.5", organisationDefault: "nl" })).toBe("nl");
    expect(chooseLocale({ acceptLanguage: null, organisationDefault: "de" })).toBe("de");
    expect(chooseLocale({ acceptLanguage: "de;q=0", organisationDefault: "fr" })).toBe("fr");
    expect(chooseLocale({ organisationDefault: "xx" })).toBe("en");
  });

  it("survives a malformed header", () => {
    expect(chooseLocale({ acceptLanguage: "@@@, ;;q=abc", organisationDefault: "de" })).toBe("de");
  });
});
