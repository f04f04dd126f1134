ALTER TABLE "workshop" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
UPDATE "workshop" SET "closed_at" = "workshop_safeguarding"."closed_at" FROM "workshop_safeguarding" WHERE "workshop_safeguarding"."workshop_id" = "workshop"."id";--> statement-breakpoint
ALTER TABLE "workshop_safeguarding" DROP COLUMN "closed_at";
