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
CREATE INDEX "agreed_action_card_idx" ON "agreed_action" USING btree ("card_id");--> statement-breakpoint
CREATE INDEX "impact_review_item_idx" ON "impact_review" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_score_scorer_idx" ON "indicator_score" USING btree ("indicator_id","scorer");--> statement-breakpoint
CREATE INDEX "score_card_org_idx" ON "score_card" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "score_card_workshop_idx" ON "score_card" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "score_indicator_card_idx" ON "score_indicator" USING btree ("card_id");