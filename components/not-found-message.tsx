import Link from "next/link";

/** What a missing page says; the page around it decides the landmark it sits in. */
export function NotFoundMessage() {
  return (
    <div className="mx-auto grid max-w-lg gap-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-700">There is nothing at this address. Check the link, or start from the home page.</p>
      <Link href="/" className="font-semibold text-teal-800 underline">
        Go to the home page
      </Link>
    </div>
  );
}
