import "server-only";
import { db } from "@/lib/db/client";

/** Prisma's cuid(): anything else is not an image id, and never reaches the database. */
const IMAGE_ID = /^c[a-z0-9]{24}$/;

/** A stored image's bytes and type, or null when the id is malformed or unknown. */
export async function loadImage(imageId: string) {
  if (!IMAGE_ID.test(imageId)) return null;
  return db.image.findUnique({ where: { id: imageId }, select: { contentType: true, byteSize: true, sha256: true, bytes: true } });
}
