// The organisation's default language (Settings): the language its donation pages and emails speak
// when neither the link nor the donor's browser names one. The settings and create actions run for
// real (roles, validation, the database); only the session lookup and Next's cache are stubbed.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { updateOrganisationAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/settings/actions");
const { createOrganisationAction } = await import("@/app/(dashboard)/dashboard/new/actions");
const { unique } = await import("../support/fixtures");

type User = { id: string; email: string };
let owner: User;
let viewer: User;
let organisation: { id: string; slug: string };

/** The settings form as the browser sends it, with the language picked. */
function settingsForm(defaultLocale?: string) {
  const form = new FormData();
  form.set("organisationId", organisation.id);
  form.set("name", "Sprachen e.V.");
  form.set("email", "hallo@sprachen.example");
  form.set("country", "DE");
  form.set("acceptedCurrencies", "EUR");
  form.set("defaultCurrency", "EUR");
  form.set("fee.EUR.percent", "1.5");
  form.set("fee.EUR.fixed", "0.25");
  if (defaultLocale !== undefined) form.set("defaultLocale", defaultLocale);
  return form;
}

const storedLocale = async () => (await db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { defaultLocale: true } })).defaultLocale;

async function user(label: string) {
  const created = await db.user.create({ data: { email: `${unique(label)}@example.org` } });
  return { id: created.id, email: created.email };
}

beforeAll(async () => {
  owner = await user("language-owner");
  viewer = await user("language-viewer");
  organisation = await db.organisation.create({
    data: {
      slug: unique("language"),
      name: "Sprachen e.V.",
      email: "hallo@sprachen.example",
      country: "DE",
      defaultCurrency: "EUR",
      acceptedCurrencies: ["EUR"],
      memberships: {
        create: [
          { userId: owner.id, role: "owner" },
          { userId: viewer.id, role: "viewer" },
        ],
      },
    },
  });
});

describe("the organisation's default language", () => {
  it("is saved from the settings form", async () => {
    session.user = owner;
    expect(await storedLocale()).toBe("en");
    await expect(updateOrganisationAction({}, settingsForm("de"))).resolves.toEqual({ ok: true, message: "Saved." });
    expect(await storedLocale()).toBe("de");
    await expect(updateOrganisationAction({}, settingsForm("nl"))).resolves.toMatchObject({ ok: true });
    expect(await storedLocale()).toBe("nl");
  });

  it("refuses a language Amply does not speak, with a clear message, and changes nothing", async () => {
    session.user = owner;
    await updateOrganisationAction({}, settingsForm("fr"));
    const refused = await updateOrganisationAction({}, settingsForm("es"));
    expect(refused.ok).not.toBe(true);
    expect(refused.fieldErrors?.defaultLocale).toBe("Choose one of the languages in the list: English, Deutsch, Français or Nederlands.");
    expect(await storedLocale()).toBe("fr");
  });

  it("stays as it is when a form without the field is sent (an older page)", async () => {
    session.user = owner;
    await updateOrganisationAction({}, settingsForm("de"));
    await expect(updateOrganisationAction({}, settingsForm())).resolves.toMatchObject({ ok: true });
    expect(await storedLocale()).toBe("de");
  });

  it("can be changed by admins and owners only", async () => {
    session.user = viewer;
    const before = await storedLocale();
    const answer = await updateOrganisationAction({}, settingsForm(before === "en" ? "nl" : "en"));
    expect(answer.error).toContain("viewer");
    expect(await storedLocale()).toBe(before);
  });

  it("is chosen when the organisation is created", async () => {
    // Success redirects to the new organisation's payments page (Next's redirect throws).
    session.user = owner;
    const slug = unique("sprache");
    const form = settingsForm("fr");
    form.delete("organisationId");
    form.set("slug", slug);
    await expect(createOrganisationAction({}, form)).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await db.organisation.findUniqueOrThrow({ where: { slug }, select: { defaultLocale: true } })).defaultLocale).toBe("fr");
  });
});
