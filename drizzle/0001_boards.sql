CREATE TABLE "board" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"title" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"hide_authors" boolean DEFAULT false NOT NULL,
	"moderation" boolean DEFAULT false NOT NULL,
	"snapshot" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_submission" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"colour" text NOT NULL,
	"pictogram" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_update" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workshop" ADD COLUMN "current_agenda_item_id" text;--> statement-breakpoint
ALTER TABLE "workshop" ADD COLUMN "current_board_id" text;--> statement-breakpoint
ALTER TABLE "workshop" ADD COLUMN "timer_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "board" ADD CONSTRAINT "board_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_submission" ADD CONSTRAINT "board_submission_board_id_board_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."board"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_update" ADD CONSTRAINT "board_update_board_id_board_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."board"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_workshop_idx" ON "board" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "board_submission_board_idx" ON "board_submission" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "board_update_board_idx" ON "board_update" USING btree ("board_id","seq");