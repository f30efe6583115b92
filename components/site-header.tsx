import Link from "next/link";
import { currentUser } from "@/lib/auth/membership";

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-teal-800">
          Amply
        </Link>
        {user ? (
          <Link href="/dashboard" className="rounded-lg px-3 py-2 text-sm font-semibold text-teal-800 hover:bg-teal-50">
            Dashboard
          </Link>
        ) : (
          <Link href="/signin" className="rounded-lg px-3 py-2 text-sm font-semibold text-teal-800 hover:bg-teal-50">
            Sign in
          </Link>
        )}
      </nav>
    </header>
  );
}
