// Sharing a donation page after giving: the platforms' own share addresses, opened as plain links,
// so no platform script runs on Amply's pages and nothing tracks the donor here.

export type ShareLink = { name: string; href: string };

/** Share addresses for `pageUrl` (absolute, built from APP_URL) with a line of `text`. */
export function shareLinks(pageUrl: string, text: string): ShareLink[] {
  const url = encodeURIComponent(pageUrl);
  const line = encodeURIComponent(text);
  return [
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
    { name: "X", href: `https://x.com/intent/post?url=${url}&text=${line}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${url}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${text} ${pageUrl}`)}` },
    { name: "Email", href: `mailto:?subject=${line}&body=${encodeURIComponent(`${text}: ${pageUrl}`)}` },
  ];
}

/** The organisation's website as a link target, only when it is https. */
export function websiteLink(websiteUrl: string | null): string | null {
  if (!websiteUrl) return null;
  try {
    return new URL(websiteUrl).protocol === "https:" ? websiteUrl : null;
  } catch {
    return null;
  }
}
