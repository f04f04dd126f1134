CREATE TABLE "agreement_endorsement" (
	"version_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"workshop_id" text NOT NULL,
	CONSTRAINT "agreement_endorsement_version_id_participant_id_pk" PRIMARY KEY("version_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_review" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"version_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewer_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_version" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_version_number" UNIQUE("agreement_id","version")
);
--> statement-breakpoint
CREATE TABLE "asset_pledge" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"item_id" text NOT NULL,
	"funding_line_id" text,
	"status" text DEFAULT 'pledged' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_asset" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"workshop_id" text,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"quantity" text DEFAULT '' NOT NULL,
	"amount" bigint,
	"location" text DEFAULT '' NOT NULL,
	"by_group" text DEFAULT '' NOT NULL,
	"partner_id" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_confirmation" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"item_id" text,
	"level" text NOT NULL,
	"suggested" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_answer" (
	"id" text PRIMARY KEY NOT NULL,
	"pulse_id" text NOT NULL,
	"holder" text,
	"scores" jsonb NOT NULL,
	CONSTRAINT "pulse_answer_holder" UNIQUE("pulse_id","holder")
);
--> statement-breakpoint
CREATE TABLE "trust_pulse" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"phase" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"statements" jsonb NOT NULL,
	"result" jsonb,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "trust_pulse_phase" UNIQUE("workshop_id","phase")
);
--> statement-breakpoint
CREATE TABLE "working_agreement" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"topic" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_endorsement" ADD CONSTRAINT "agreement_endorsement_version_id_agreement_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_endorsement" ADD CONSTRAINT "agreement_endorsement_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_endorsement" ADD CONSTRAINT "agreement_endorsement_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_review" ADD CONSTRAINT "agreement_review_agreement_id_working_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."working_agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_review" ADD CONSTRAINT "agreement_review_version_id_agreement_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_review" ADD CONSTRAINT "agreement_review_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_agreement_id_working_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."working_agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge" ADD CONSTRAINT "asset_pledge_asset_id_community_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."community_asset"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge" ADD CONSTRAINT "asset_pledge_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge" ADD CONSTRAINT "asset_pledge_funding_line_id_funding_line_id_fk" FOREIGN KEY ("funding_line_id") REFERENCES "public"."funding_line"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge" ADD CONSTRAINT "asset_pledge_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_asset" ADD CONSTRAINT "community_asset_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_asset" ADD CONSTRAINT "community_asset_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_asset" ADD CONSTRAINT "community_asset_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_confirmation" ADD CONSTRAINT "participation_confirmation_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_confirmation" ADD CONSTRAINT "participation_confirmation_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_confirmation" ADD CONSTRAINT "participation_confirmation_confirmed_by_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_answer" ADD CONSTRAINT "pulse_answer_pulse_id_trust_pulse_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."trust_pulse"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_pulse" ADD CONSTRAINT "trust_pulse_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_agreement" ADD CONSTRAINT "working_agreement_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endorsement_workshop_idx" ON "agreement_endorsement" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "agreement_review_agreement_idx" ON "agreement_review" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "asset_pledge_item_idx" ON "asset_pledge" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "asset_pledge_asset_idx" ON "asset_pledge" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "community_asset_org_idx" ON "community_asset" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "participation_workshop_idx" ON "participation_confirmation" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "pulse_answer_pulse_idx" ON "pulse_answer" USING btree ("pulse_id");--> statement-breakpoint
CREATE INDEX "working_agreement_org_idx" ON "working_agreement" USING btree ("organisation_id");