import type { ReactNode } from "react";

/** The `<mail>` tag of a message (`t.rich(key, { mail: mailLink(address) })`): a mailto link to the organisation. */
export function mailLink(email: string) {
  return function MailLink(chunks: ReactNode) {
    return (
      <a href={`mailto:${email}`} className="font-semibold text-teal-800 underline">
        {chunks}
      </a>
    );
  };
}
