CREATE TABLE "help_request" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"participant_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "note_original" (
	"board_id" text NOT NULL,
	"note_id" text NOT NULL,
	"text" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_original_board_id_note_id_pk" PRIMARY KEY("board_id","note_id")
);
--> statement-breakpoint
CREATE TABLE "org_safeguarding" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"retention_days" integer DEFAULT 90 NOT NULL,
	"referral_guidance" text
);
--> statement-breakpoint
CREATE TABLE "private_note" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"board_id" text,
	"participant_id" text,
	"origin" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_safeguarding" (
	"workshop_id" text PRIMARY KEY NOT NULL,
	"watchwords" jsonb,
	"guardian_consents" integer,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "help_request" ADD CONSTRAINT "help_request_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request" ADD CONSTRAINT "help_request_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_original" ADD CONSTRAINT "note_original_board_id_board_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."board"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_safeguarding" ADD CONSTRAINT "org_safeguarding_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_note" ADD CONSTRAINT "private_note_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_note" ADD CONSTRAINT "private_note_board_id_board_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."board"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_note" ADD CONSTRAINT "private_note_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_safeguarding" ADD CONSTRAINT "workshop_safeguarding_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_request_workshop_idx" ON "help_request" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "private_note_workshop_idx" ON "private_note" USING btree ("workshop_id");