ALTER TABLE "workshop" ADD COLUMN "language" text DEFAULT 'id' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop" ADD COLUMN "time_zone" text DEFAULT 'Asia/Makassar' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop" ADD COLUMN "record" jsonb DEFAULT '{}'::jsonb NOT NULL;