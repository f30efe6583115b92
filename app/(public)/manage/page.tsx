import type { Metadata } from "next";
import { RequestLinkForm } from "@/components/recurring/request-link-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Manage your recurring gifts", referrer: "no-referrer", robots: { index: false } };

export default function ManageRequestPage() {
  return (
    <div className="mx-auto grid max-w-xl gap-6">
      <h1 className="text-2xl font-bold">Manage your recurring gifts</h1>
      <Card
        title="Get a link by email"
        description="Each receipt of a recurring gift has a link to change, pause or stop it. If yours has expired, we can send a fresh one to the address your receipts go to."
      >
        <RequestLinkForm />
      </Card>
    </div>
  );
}
