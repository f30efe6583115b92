/** Where Amply serves a stored image (app/images/[imageId]/route.ts). */
export function imageUrl(imageId: string): string {
  return `/images/${imageId}`;
}
