-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('en', 'de', 'fr', 'nl');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "defaultLocale" "Locale" NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "RecurringDonation" ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'en';

