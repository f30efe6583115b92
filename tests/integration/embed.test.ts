// Embedding and sharing: the sites allowed to frame the donation page (settings, by role), the
// short links (/g/<code>) and the embed script's caching. The actions run for real; only the
// session lookup is replaced.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { updateEmbedOriginsAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/share/actions");
const { allowedFrameAncestors } = await import("@/lib/embed/allowed-frame-ancestors");
const { shortLinkFor } = await import("@/lib/embed/short-link-for");
const { GET: shortLinkRoute } = await import("@/app/g/[code]/route");
const { GET: embedScriptRoute } = await import("@/app/embed.js/route");
const { GET: qrRoute } = await import("@/app/api/organisations/[orgId]/short-links/[code]/qr/route");
const { proxy } = await import("@/proxy");
const { NextRequest } = await import("next/server");
const { organisationWithMembers, person } = await import("../support/fixtures");

let owner: { id: string; email: string };
let admin: { id: string; email: string };
let viewer: { id: string; email: string };
let organisation: { id: string; slug: string };
let other: { id: string; slug: string };

beforeAll(async () => {
  [owner, admin, viewer] = await Promise.all([person("owner"), person("admin"), person("viewer")]);
  organisation = await organisationWithMembers([
    [owner, "owner"],
    [admin, "admin"],
    [viewer, "viewer"],
  ]);
  other = await organisationWithMembers([[owner, "owner"]]);
});

function originsForm(organisationId: string, embedOrigins: string) {
  const form = new FormData();
  form.set("organisationId", organisationId);
  form.set("embedOrigins", embedOrigins);
  return form;
}

const stored = async (id: string) => (await db.organisation.findUniqueOrThrow({ where: { id }, select: { embedOrigins: true } })).embedOrigins;

describe("the sites allowed to embed the donation page", () => {
  it("an admin saves them normalised, and the donation page's policy takes them at once", async () => {
    session.user = admin;
    expect(await allowedFrameAncestors(organisation.slug)).toEqual([]);
    const result = await updateEmbedOriginsAction({}, originsForm(organisation.id, "https://www.Example.org/\nhttps://shop.example.org:8443"));
    expect(result).toMatchObject({ ok: true });
    expect(await stored(organisation.id)).toEqual(["https://www.example.org", "https://shop.example.org:8443"]);
    expect(await allowedFrameAncestors(organisation.slug)).toEqual(["https://www.example.org", "https://shop.example.org:8443"]);
  });

  it("a viewer cannot change them, nor an admin of another organisation", async () => {
    session.user = viewer;
    const before = await stored(organisation.id);
    expect(await updateEmbedOriginsAction({}, originsForm(organisation.id, "https://evil.example"))).toMatchObject({
      error: expect.stringContaining("viewer") as string,
    });
    session.user = admin;
    expect(await updateEmbedOriginsAction({}, originsForm(other.id, "https://evil.example"))).toMatchObject({ error: expect.any(String) as string });
    expect(await stored(organisation.id)).toEqual(before);
    expect(await stored(other.id)).toEqual([]);
  });

  it("refuses a path, a wildcard or an injected directive, writes nothing and keeps what was typed", async () => {
    session.user = owner;
    const before = await stored(organisation.id);
    for (const typed of ["https://a.example\nhttps://*.example.org", "https://a.example/donate", "https://a.example; script-src *", "http://example.org"]) {
      const result = await updateEmbedOriginsAction({}, originsForm(organisation.id, typed));
      expect(result, typed).toMatchObject({ fieldErrors: { embedOrigins: expect.any(String) as string }, values: { embedOrigins: typed } });
      expect(await stored(organisation.id)).toEqual(before);
    }
  });

  it("an empty list makes the page unframeable again", async () => {
    session.user = owner;
    expect(await updateEmbedOriginsAction({}, originsForm(organisation.id, ""))).toMatchObject({ ok: true });
    expect(await allowedFrameAncestors(organisation.slug)).toEqual([]);
  });
});

describe("the headers each page answers with", () => {
  const headersOf = async (path: string) => (await proxy(new NextRequest(`http://localhost:3000${path}`))).headers;
  const ancestors = (headers: Headers) => /frame-ancestors ([^;]*)/.exec(headers.get("content-security-policy") ?? "")?.[1];

  it("let the listed sites frame the donation and completion pages of that organisation only", async () => {
    session.user = owner;
    await updateEmbedOriginsAction({}, originsForm(organisation.id, "https://www.example.org"));
    for (const path of [`/give/${organisation.slug}`, `/give/${organisation.slug}?fund=boats`, `/donation/complete?organisation=${organisation.slug}`]) {
      const headers = await headersOf(path);
      expect(ancestors(headers), path).toBe("https://www.example.org");
      expect(headers.get("x-frame-options"), path).toBeNull();
    }
    for (const path of [
      `/give/${other.slug}`,
      "/donation/complete",
      `/dashboard/${organisation.slug}`,
      "/signin",
      `/donation/complete?organisation=${other.slug}`,
    ]) {
      const headers = await headersOf(path);
      expect(ancestors(headers), path).toBe("'none'");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
    }
    await updateEmbedOriginsAction({}, originsForm(organisation.id, ""));
    expect(ancestors(await headersOf(`/give/${organisation.slug}`))).toBe("'none'");
  });
});

describe("short links", () => {
  const follow = (code: string) => shortLinkRoute(new Request(`http://localhost/g/${code}`), { params: Promise.resolve({ code }) });

  it("one per page, the same on every call (also at once), opening the page on Amply's address", async () => {
    const path = `/give/${organisation.slug}?fund=boats`;
    const links = await Promise.all(Array.from({ length: 8 }, () => shortLinkFor(organisation, path)));
    expect(new Set(links.map((link) => link.code)).size).toBe(1);
    expect(await db.shortLink.count({ where: { organisationId: organisation.id } })).toBe(1);
    const [link] = links;
    expect(link?.url).toBe(`${process.env.APP_URL}/g/${link?.code}`);

    const response = await follow(link?.code ?? "");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${process.env.APP_URL}${path}`);
    // Typed in capitals from a poster, it still works.
    expect((await follow((link?.code ?? "").toUpperCase())).headers.get("location")).toBe(`${process.env.APP_URL}${path}`);
  });

  it("answer 404 for an unknown or malformed code", async () => {
    expect((await follow("zzzzzzzz")).status).toBe(404);
    expect((await follow("../admin")).status).toBe(404);
  });

  it("point only at the organisation's own donation pages", async () => {
    for (const path of [
      `/give/${other.slug}`,
      "/dashboard/x",
      "https://evil.example/give/x",
      `//evil.example/give/${organisation.slug}`,
      `/give/${organisation.slug}/../x`,
    ]) {
      await expect(shortLinkFor(organisation, path), path).rejects.toThrow();
    }
  });
});

describe("a short link's QR code", () => {
  const qr = (orgId: string, code: string, format: string) =>
    qrRoute(new Request(`http://localhost/api/organisations/${orgId}/short-links/${code}/qr?format=${format}`), {
      params: Promise.resolve({ orgId, code }),
    });

  it("downloads as SVG or PNG for the organisation's admins", async () => {
    const link = await shortLinkFor(organisation, `/give/${organisation.slug}`);
    session.user = admin;
    const svg = await qr(organisation.id, link.code, "svg");
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(svg.headers.get("content-disposition")).toBe(`attachment; filename="${organisation.slug}-${link.code}.svg"`);
    expect(await svg.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await qr(organisation.id, link.code, "png");
    expect(png.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("is refused to viewers, for another organisation's link, and in an unknown format", async () => {
    const link = await shortLinkFor(organisation, `/give/${organisation.slug}`);
    session.user = viewer;
    expect((await qr(organisation.id, link.code, "svg")).status).toBe(403);
    session.user = owner;
    expect((await qr(other.id, link.code, "svg")).status).toBe(404);
    expect((await qr(organisation.id, link.code, "gif")).status).toBe(422);
  });
});

describe("/embed.js", () => {
  it("is JavaScript cached for a day and revalidated by ETag, so the snippet's address never changes", async () => {
    const response = embedScriptRoute(new Request("http://localhost/embed.js"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400, stale-while-revalidate=604800");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{16,}"$/);
    expect(await response.text()).toContain(`addEventListener("message"`);

    const again = embedScriptRoute(new Request("http://localhost/embed.js", { headers: { "if-none-match": etag } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});
