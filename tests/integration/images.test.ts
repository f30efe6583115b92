// Organisation logos: uploads are sniffed, re-encoded by sharp and stored in PostgreSQL, then served
// from Amply's own origin. The actions run for real (roles, transactions); only the session lookup
// and Next's cache revalidation are stubbed, as neither exists outside a request.
import { deflateSync, crc32 } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { prepareImage } = await import("@/lib/images/prepare-image");
const { updateOrganisationAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/settings/actions");
const { createOrganisationAction } = await import("@/app/(dashboard)/dashboard/new/actions");
const { GET } = await import("@/app/images/[imageId]/route");
const { unique } = await import("../support/fixtures");

const REFUSED = /Upload a PNG, JPEG or WebP image/;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type User = { id: string; email: string };
let owner: User;
let viewer: User;
let organisation: { id: string; slug: string };

/** A test picture: a gradient, so re-encoding has something to compress. */
function picture(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set([(i / 3) % 256, Math.floor(i / 3 / width) % 256, 128], i);
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

const bytesOf = (buffer: Buffer) => Uint8Array.from(buffer);

/** A PNG whose header claims `side` x `side` pixels, with almost no data: a decompression bomb's shape. */
function claimedHugePng(side: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([Buffer.from(PNG_MAGIC), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.alloc(side + 1))), chunk("IEND", Buffer.alloc(0))]);
}

/** The settings form as the browser sends it, with the fields the organisation already has. */
function settingsForm(fields: { name?: string; logo?: File; removeLogo?: boolean } = {}) {
  const form = new FormData();
  form.set("organisationId", organisation.id);
  form.set("name", fields.name ?? "Logo Charity");
  form.set("email", "hello@logo.example");
  form.set("country", "DE");
  form.set("acceptedCurrencies", "EUR");
  form.set("defaultCurrency", "EUR");
  form.set("fee.EUR.percent", "1.5");
  form.set("fee.EUR.fixed", "0.25");
  // An empty file input still sends an empty part, and not always a nameless one.
  form.set("logo", fields.logo ?? new File([], "blob", { type: "application/octet-stream" }));
  if (fields.removeLogo) form.set("removeLogo", "on");
  return form;
}

const file = (bytes: Uint8Array<ArrayBuffer> | string, name: string, type: string) => new File([bytes], name, { type });
const stored = () =>
  db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { name: true, logoImageId: true, images: { select: { id: true } } } });

async function user(label: string) {
  const created = await db.user.create({ data: { email: `${unique(label)}@example.org` } });
  return { id: created.id, email: created.email };
}

beforeAll(async () => {
  owner = await user("logo-owner");
  viewer = await user("logo-viewer");
  const slug = unique("logo");
  organisation = await db.organisation.create({
    data: {
      slug,
      name: "Logo Charity",
      email: "hello@logo.example",
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

describe("prepareImage", () => {
  it("re-encodes a PNG, resized to fit 512x512, without its metadata", async () => {
    const upload = await picture(1200, 800)
      .withExif({ IFD0: { Artist: "Someone's home address" } })
      .png()
      .toBuffer();
    expect((await sharp(upload).metadata()).exif).toBeDefined();

    const image = await prepareImage(bytesOf(upload));
    expect(image).toMatchObject({ contentType: "image/png", width: 512, height: 341, byteSize: image.bytes.byteLength });
    expect([...image.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    const written = await sharp(image.bytes).metadata();
    expect(written).toMatchObject({ format: "png", width: 512, height: 341 });
    expect(written.exif).toBeUndefined();
    expect(Buffer.from(image.bytes).includes("Someone's home address")).toBe(false);
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a JPEG and writes it as WebP, never enlarged", async () => {
    const upload = await picture(300, 200).jpeg().toBuffer();
    const image = await prepareImage(bytesOf(upload));
    expect(image).toMatchObject({ contentType: "image/webp", width: 300, height: 200 });
    expect((await sharp(image.bytes).metadata()).format).toBe("webp");
  });

  it("accepts WebP and (first frame of) GIF", async () => {
    await expect(prepareImage(bytesOf(await picture(64, 64).webp().toBuffer()))).resolves.toMatchObject({ contentType: "image/webp", width: 64 });
    await expect(prepareImage(bytesOf(await picture(64, 32).gif().toBuffer()))).resolves.toMatchObject({ contentType: "image/png", width: 64, height: 32 });
  });

  it("refuses SVG, HTML, an empty file and a corrupt image, in words a person understands", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>`;
    await expect(prepareImage(new TextEncoder().encode(svg))).rejects.toThrow(REFUSED);
    await expect(prepareImage(new TextEncoder().encode("<!doctype html><script>alert(1)</script>"))).rejects.toThrow(REFUSED);
    await expect(prepareImage(new Uint8Array())).rejects.toThrow(REFUSED);
    // PNG's magic number, then nothing a decoder can read.
    await expect(prepareImage(new Uint8Array([...PNG_MAGIC, 1, 2, 3, 4]))).rejects.toThrow(REFUSED);
    // A JPEG's magic number in front of PNG data: the bytes lie about what they are.
    const png = await picture(8, 8).png().toBuffer();
    await expect(prepareImage(new Uint8Array([0xff, 0xd8, 0xff, ...png]))).rejects.toThrow(REFUSED);
  });

  it("refuses more than 2 MB, and a picture that claims more pixels than it is worth decoding", async () => {
    const png = await picture(16, 16).png().toBuffer();
    // A valid PNG with trailing bytes: decoders read it, so only the size check refuses it.
    const large = new Uint8Array(2 * 1024 * 1024 + 1);
    large.set(png);
    await expect(prepareImage(large)).rejects.toThrow(/larger than 2 MB/);
    const atLimit = large.subarray(0, 2 * 1024 * 1024);
    await expect(prepareImage(atLimit)).resolves.toMatchObject({ width: 16 });

    const bomb = claimedHugePng(10_000);
    expect(bomb.byteLength).toBeLessThan(100_000);
    await expect(prepareImage(bytesOf(bomb))).rejects.toThrow(/too many pixels/);
  });
});

describe("the settings action", () => {
  it("stores an uploaded logo, replaces it (deleting the old image) and removes it", async () => {
    session.user = owner;
    const first = file(bytesOf(await picture(800, 800).png().toBuffer()), "logo.png", "image/png");
    await expect(updateOrganisationAction({}, settingsForm({ logo: first }))).resolves.toEqual({ ok: true, message: "Saved." });
    const afterFirst = await stored();
    expect(afterFirst.logoImageId).toBeTruthy();
    expect(afterFirst.images).toEqual([{ id: afterFirst.logoImageId }]);
    const image = await db.image.findUniqueOrThrow({ where: { id: afterFirst.logoImageId ?? "" } });
    expect(image).toMatchObject({ purpose: "logo", contentType: "image/png", width: 512, height: 512, byteSize: image.bytes.byteLength });

    // Saving other fields with no file keeps the logo.
    await expect(updateOrganisationAction({}, settingsForm({ name: "Logo Charity e.V." }))).resolves.toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ name: "Logo Charity e.V.", logoImageId: afterFirst.logoImageId });

    const second = file(bytesOf(await picture(100, 50).jpeg().toBuffer()), "new-logo.jpg", "image/jpeg");
    await expect(updateOrganisationAction({}, settingsForm({ logo: second }))).resolves.toMatchObject({ ok: true });
    const afterSecond = await stored();
    expect(afterSecond.logoImageId).toBeTruthy();
    expect(afterSecond.logoImageId).not.toBe(afterFirst.logoImageId);
    expect(afterSecond.images).toEqual([{ id: afterSecond.logoImageId }]);
    expect(await db.image.count({ where: { id: afterFirst.logoImageId ?? "" } })).toBe(0);

    await expect(updateOrganisationAction({}, settingsForm({ removeLogo: true }))).resolves.toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ logoImageId: null, images: [] });
  });

  it("writes nothing when the upload is refused, not even the other fields", async () => {
    session.user = owner;
    const logo = file(bytesOf(await picture(64, 64).png().toBuffer()), "logo.png", "image/png");
    await updateOrganisationAction({}, settingsForm({ name: "Before", logo }));
    const before = await stored();

    const refusals = [
      file(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "logo.svg", "image/svg+xml"),
      // The name and the browser's type both say PNG; the bytes are HTML.
      file("<!doctype html><html><script>alert(document.domain)</script></html>", "logo.png", "image/png"),
    ];
    for (const refused of refusals) {
      const result = await updateOrganisationAction({}, settingsForm({ name: "After", logo: refused }));
      expect(result).toMatchObject({ error: "Some fields need your attention.", fieldErrors: { logo: expect.stringMatching(REFUSED) as string } });
      expect(result.ok).toBeUndefined();
      expect(await stored()).toEqual(before);
    }
    // Removing while uploading a refused file keeps the logo too.
    const svg = file(`<svg xmlns="http://www.w3.org/2000/svg"/>`, "logo.svg", "image/svg+xml");
    await updateOrganisationAction({}, settingsForm({ logo: svg, removeLogo: true }));
    expect(await stored()).toEqual(before);
  });

  it("lets only admins and owners change the logo", async () => {
    session.user = viewer;
    const before = await stored();
    const logo = file(bytesOf(await picture(64, 64).png().toBuffer()), "logo.png", "image/png");
    await expect(updateOrganisationAction({}, settingsForm({ logo }))).resolves.toMatchObject({ error: expect.stringContaining("viewer") as string });
    await expect(updateOrganisationAction({}, settingsForm({ removeLogo: true }))).resolves.toMatchObject({
      error: expect.stringContaining("viewer") as string,
    });
    expect(await stored()).toEqual(before);
  });
});

describe("the create-organisation action", () => {
  function createForm(slug: string, logo: File) {
    const form = settingsForm({ name: "New Logo Charity", logo });
    form.delete("organisationId");
    form.set("slug", slug);
    return form;
  }

  it("creates the organisation with its logo, or nothing at all when the logo is refused", async () => {
    session.user = owner;
    const refusedSlug = unique("refused");
    const svg = file(`<svg xmlns="http://www.w3.org/2000/svg"/>`, "logo.svg", "image/svg+xml");
    await expect(createOrganisationAction({}, createForm(refusedSlug, svg))).resolves.toMatchObject({
      fieldErrors: { logo: expect.stringMatching(REFUSED) as string },
    });
    expect(await db.organisation.count({ where: { slug: refusedSlug } })).toBe(0);

    const slug = unique("created");
    const logo = file(bytesOf(await picture(64, 64).png().toBuffer()), "logo.png", "image/png");
    // Success redirects to the new organisation's payments page (Next's redirect throws).
    await expect(createOrganisationAction({}, createForm(slug, logo))).rejects.toThrow(/NEXT_REDIRECT/);
    const created = await db.organisation.findUniqueOrThrow({
      where: { slug },
      select: { logoImageId: true, images: { select: { id: true, purpose: true } } },
    });
    expect(created.images).toEqual([{ id: created.logoImageId, purpose: "logo" }]);
  });
});

describe("GET /images/[imageId]", () => {
  const get = (imageId: string) => GET(new Request(`http://localhost:3000/images/${encodeURIComponent(imageId)}`), { params: Promise.resolve({ imageId }) });

  it("serves the stored bytes with their type, immutable caching, and nothing a browser could run", async () => {
    session.user = owner;
    const logo = file(bytesOf(await picture(40, 20).jpeg().toBuffer()), "logo.jpg", "image/jpeg");
    await updateOrganisationAction({}, settingsForm({ logo }));
    const { logoImageId } = await stored();
    const image = await db.image.findUniqueOrThrow({ where: { id: logoImageId ?? "" } });

    const response = await get(image.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("content-length")).toBe(String(image.byteSize));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(image.bytes));
  });

  it("answers 404 for unknown and malformed ids", async () => {
    for (const id of ["cm00000000000000000000000", "not-an-id", "../../etc/passwd", "c' OR '1'='1", "C".repeat(5000), ""]) {
      const response = await get(id);
      expect(response.status, id).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});
