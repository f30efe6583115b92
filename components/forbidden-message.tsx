import Link from "next/link";

/** What a page the member's role does not reach says; the page around it decides the landmark it sits in. */
export function ForbiddenMessage() {
  return (
    <div className="mx-auto grid max-w-lg gap-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">You don&apos;t have access to this page</h1>
      <p className="text-slate-700">
        You are signed in, but not as a member of this organisation with the role this page needs. Ask one of its owners to invite you.
      </p>
      <Link href="/dashboard" className="font-semibold text-teal-800 underline">
        Go to your organisations
      </Link>
    </div>
  );
}
