ALTER TABLE "password_reset" ADD COLUMN "organisation_id" text;--> statement-breakpoint
ALTER TABLE "password_reset" ADD COLUMN "kind" text DEFAULT 'owner' NOT NULL;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "recovery_code_hash" text;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "recovery_code_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "password_reset_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "password_reset_notice_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;