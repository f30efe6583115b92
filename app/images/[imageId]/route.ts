// GET /images/[imageId] - an image an organisation uploaded (its logo), as Amply re-encoded it
import { publicRoute } from "@/lib/api/public-route";
import { loadImage } from "@/lib/images/load-image";

export const GET = publicRoute({ maxBytes: 0 }, async ({ params }) => {
  const image = await loadImage(params.imageId ?? "");
  if (!image) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(image.bytes, {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.byteSize),
      // A new upload is a new row with a new id, so the bytes behind a URL never change.
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${image.sha256}"`,
      "X-Content-Type-Options": "nosniff",
      // Opened on its own, the image runs nothing and loads nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
