import Link from "next/link";
import type { ComponentProps } from "react";

const variants = {
  primary: "bg-teal-700 text-white hover:bg-teal-800 disabled:bg-slate-400",
  secondary: "bg-white text-teal-800 ring-1 ring-inset ring-teal-700 hover:bg-teal-50 disabled:text-slate-400 disabled:ring-slate-300",
  danger: "bg-white text-red-700 ring-1 ring-inset ring-red-600 hover:bg-red-50",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

type Variant = keyof typeof variants;

const base = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed";

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={`${base} ${variants[variant]} ${className}`} {...props} />;
}

export function ButtonLink({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={`${base} ${variants[variant]} ${className}`} {...props} />;
}
