CREATE TABLE "board_template" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"title" text NOT NULL,
	"stage" text,
	"frames" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board" ADD COLUMN "dots_per_person" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "board" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "board" ADD COLUMN "continues_plan_item_id" text;--> statement-breakpoint
ALTER TABLE "plan_item" ADD COLUMN "origin_board_id" text;--> statement-breakpoint
ALTER TABLE "plan_item" ADD COLUMN "origin_ref" text;--> statement-breakpoint
ALTER TABLE "plan_item" ADD COLUMN "iteration" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_item" ADD COLUMN "previous_item_id" text;