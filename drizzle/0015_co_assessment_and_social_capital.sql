CREATE TABLE "agreed_action" (
	"id" text PRIMARY KEY NOT NULL,
	"card_id" text NOT NULL,
	"indicator_id" text,
	"text" text NOT NULL,
	"plan_item_id" text,
	"task_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_review" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" text NOT NULL,
	"task_id" text,
	"changed" text NOT NULL,
	"for_whom" text DEFAULT '' NOT NULL,
	"not_worked" text DEFAULT '' NOT NULL,
	"rating" integer NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_kind" text NOT NULL,
	"participant_id" text,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_score" (
	"id" text PRIMARY KEY NOT NULL,
	"indicator_id" text NOT NULL,
	"side" text NOT NULL,
	"scorer" text NOT NULL,
	"score" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_card" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"workshop_id" text,
	"function" text,
	"title" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_indicator" (
	"id" text PRIMARY KEY NOT NULL,
	"card_id" text NOT NULL,
	"text" text NOT NULL,
	"proposed_by" text NOT NULL,
	"participant_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_actor" (
	"id" text PRIMARY KEY NOT NULL,
	"map_id" text NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"origin" text DEFAULT 'facilitator' NOT NULL,
	"participant_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_map" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"workshop_id" text,
	"title" text NOT NULL,
	"taken_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_map_workshop_id_unique" UNIQUE("workshop_id")
);
--> statement-breakpoint
CREATE TABLE "network_tie" (
	"id" text PRIMARY KEY NOT NULL,
	"map_id" text NOT NULL,
	"source_id" text NOT NULL,
	"target_id" text NOT NULL,
	"kind" text NOT NULL,
	"strength" integer DEFAULT 1 NOT NULL,
	"origin" text DEFAULT 'facilitator' NOT NULL,
	"participant_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "agreed_action" ADD CONSTRAINT "agreed_action_card_id_score_card_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."score_card"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_action" ADD CONSTRAINT "agreed_action_indicator_id_score_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."score_indicator"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_action" ADD CONSTRAINT "agreed_action_plan_item_id_plan_item_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_action" ADD CONSTRAINT "agreed_action_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_action" ADD CONSTRAINT "agreed_action_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_review" ADD CONSTRAINT "impact_review_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_review" ADD CONSTRAINT "impact_review_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_review" ADD CONSTRAINT "impact_review_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_review" ADD CONSTRAINT "impact_review_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_score" ADD CONSTRAINT "indicator_score_indicator_id_score_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."score_indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_card" ADD CONSTRAINT "score_card_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_card" ADD CONSTRAINT "score_card_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_card" ADD CONSTRAINT "score_card_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_indicator" ADD CONSTRAINT "score_indicator_card_id_score_card_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."score_card"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_indicator" ADD CONSTRAINT "score_indicator_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_actor" ADD CONSTRAINT "network_actor_map_id_network_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."network_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_actor" ADD CONSTRAINT "network_actor_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_map" ADD CONSTRAINT "network_map_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_map" ADD CONSTRAINT "network_map_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_map_id_network_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."network_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_source_id_network_actor_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."network_actor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_target_id_network_actor_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."network_actor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "agreed_action_card_idx" ON "agreed_action" USING btree ("card_id");--> statement-breakpoint
CREATE INDEX "impact_review_item_idx" ON "impact_review" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_score_scorer_idx" ON "indicator_score" USING btree ("indicator_id","scorer");--> statement-breakpoint
CREATE INDEX "score_card_org_idx" ON "score_card" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "score_card_workshop_idx" ON "score_card" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "score_indicator_card_idx" ON "score_indicator" USING btree ("card_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_actor_map_key" ON "network_actor" USING btree ("map_id","key");--> statement-breakpoint
CREATE INDEX "network_map_org_idx" ON "network_map" USING btree ("organisation_id","taken_on");--> statement-breakpoint
CREATE UNIQUE INDEX "network_tie_unique" ON "network_tie" USING btree ("map_id","source_id","target_id","kind");--> statement-breakpoint
CREATE INDEX "network_tie_map_idx" ON "network_tie" USING btree ("map_id");--> statement-breakpoint
CREATE INDEX "endorsement_workshop_idx" ON "agreement_endorsement" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "agreement_review_agreement_idx" ON "agreement_review" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "asset_pledge_item_idx" ON "asset_pledge" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "asset_pledge_asset_idx" ON "asset_pledge" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "community_asset_org_idx" ON "community_asset" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "participation_workshop_idx" ON "participation_confirmation" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "pulse_answer_pulse_idx" ON "pulse_answer" USING btree ("pulse_id");--> statement-breakpoint
CREATE INDEX "working_agreement_org_idx" ON "working_agreement" USING btree ("organisation_id");