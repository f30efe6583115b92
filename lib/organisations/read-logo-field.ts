import "server-only";
import { readImageField, type ImageChange } from "@/lib/images/read-image-field";

/** What the form asks for the logo: keep it (undefined), remove it (null) or replace it. */
export type LogoChange = ImageChange;

/** The organisation form's `logo` file and `removeLogo` box; a refused upload is a field error. */
export async function readLogoField(file: unknown, removeLogo: boolean): Promise<{ ok: true; logo: LogoChange } | { ok: false; error: string }> {
  const read = await readImageField(file, removeLogo);
  return read.ok ? { ok: true, logo: read.image } : read;
}
