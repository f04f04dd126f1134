ALTER TABLE "ballot_guard" ADD COLUMN "channel" text DEFAULT 'phone' NOT NULL;--> statement-breakpoint
ALTER TABLE "ballot_guard" ADD COLUMN "state" text DEFAULT 'cast' NOT NULL;--> statement-breakpoint
ALTER TABLE "ballot" DROP COLUMN "channel";--> statement-breakpoint
ALTER TABLE "ballot" DROP COLUMN "groups";