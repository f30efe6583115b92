/** Shown wherever Amply runs on the offline Stripe sandbox. */
export function SandboxBanner() {
  return (
    <aside aria-label="Payment mode" className="bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-900">
      Stripe sandbox - no real money
    </aside>
  );
}
