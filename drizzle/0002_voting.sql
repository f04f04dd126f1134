CREATE TABLE "ballot" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"channel" text NOT NULL,
	"choices" jsonb NOT NULL,
	"groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"receipt_hash" text
);
--> statement-breakpoint
CREATE TABLE "ballot_guard" (
	"round_id" text NOT NULL,
	"participant_id" text NOT NULL,
	CONSTRAINT "ballot_guard_round_id_participant_id_pk" PRIMARY KEY("round_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "paper_total" (
	"round_id" text NOT NULL,
	"proposal_id" text NOT NULL,
	"votes" integer NOT NULL,
	"ballots" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "paper_total_round_id_proposal_id_pk" PRIMARY KEY("round_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_workshop_id_unique" UNIQUE("workshop_id")
);
--> statement-breakpoint
CREATE TABLE "plan_item" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"function" text NOT NULL,
	"cost" bigint,
	"priority_rank" integer,
	"origin_kind" text NOT NULL,
	"origin_round_id" text,
	"origin_proposal_id" text,
	"votes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kelurahan" text DEFAULT '' NOT NULL,
	"rw" text DEFAULT '' NOT NULL,
	"lorong" text DEFAULT '' NOT NULL,
	"function" text NOT NULL,
	"activity" text DEFAULT '' NOT NULL,
	"volume" integer,
	"unit" text DEFAULT '' NOT NULL,
	"cost" bigint NOT NULL,
	"agency" text DEFAULT '' NOT NULL,
	"proposed_by" text DEFAULT '' NOT NULL,
	"proposed_by_group" text,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" text,
	"board_id" text,
	"note_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_event" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voting_round" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"title" text NOT NULL,
	"format" text NOT NULL,
	"rule" text NOT NULL,
	"proposal_ids" jsonb NOT NULL,
	"budget" bigint NOT NULL,
	"min_selections" integer DEFAULT 1 NOT NULL,
	"max_selections" integer,
	"points_per_voter" integer,
	"max_points_per_proposal" integer,
	"top_k" integer,
	"add1_step" bigint,
	"allow_change" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revealed" boolean DEFAULT false NOT NULL,
	"lot" jsonb,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_round_id_voting_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."voting_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_guard" ADD CONSTRAINT "ballot_guard_round_id_voting_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."voting_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_total" ADD CONSTRAINT "paper_total_round_id_voting_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."voting_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_event" ADD CONSTRAINT "proposal_event_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_event" ADD CONSTRAINT "proposal_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_round" ADD CONSTRAINT "voting_round_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_round_idx" ON "ballot" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "plan_item_plan_idx" ON "plan_item" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "proposal_workshop_idx" ON "proposal" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "proposal_event_proposal_idx" ON "proposal_event" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "voting_round_workshop_idx" ON "voting_round" USING btree ("workshop_id");