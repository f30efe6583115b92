import type { ReactNode } from "react";

export function Card({
  title,
  description,
  children,
  className = "",
  headingLevel = 2,
}: {
  title?: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
  headingLevel?: 1 | 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={`rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6 ${className}`}>
      {title ? <Heading className="text-lg font-semibold text-slate-900">{title}</Heading> : null}
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      {children ? <div className={title || description ? "mt-4" : ""}>{children}</div> : null}
    </section>
  );
}
