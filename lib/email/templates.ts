// The words of Amply's emails. Plain text first (it is what every client shows); HTML mirrors it.
import { escapeHtml } from "@/lib/html";

export function signInEmail(url: string, host: string) {
  return {
    subject: `Sign in to Amply`,
    text: `Sign in to Amply (${host}) with this link:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email: nobody can sign in without it.\n`,
    html: `<p>Sign in to Amply (${escapeHtml(host)}):</p><p><a href="${escapeHtml(url)}">Sign in to Amply</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this email.</p>`,
  };
}
