import type { Metadata } from "next";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { campaignFormValues } from "@/lib/campaigns/campaign-form-values";
import { MAX_STORY_LENGTH } from "@/lib/campaigns/campaign-input";
import { db } from "@/lib/db/client";
import { imageUrl } from "@/lib/images/image-url";
import { saveCampaignAction } from "../actions";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/campaigns/new`);
  const funds = await db.fund.findMany({
    where: { organisationId: organisation.id, active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return (
    <Card headingLevel={1} title="New campaign" description="Its own donation page, with a story, a picture and goals.">
      <CampaignForm
        action={saveCampaignAction}
        values={campaignFormValues(organisation, null, imageUrl)}
        funds={funds}
        maxStoryLength={MAX_STORY_LENGTH}
        submitLabel="Create campaign"
      />
    </Card>
  );
}
