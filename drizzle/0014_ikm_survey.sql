CREATE TABLE "ikm_response" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"respondent" text,
	"channel" text NOT NULL,
	"u1" smallint,
	"u2" smallint,
	"u3" smallint,
	"u4" smallint,
	"u5" smallint,
	"u6" smallint,
	"u7" smallint,
	"u8" smallint,
	"u9" smallint,
	"comment" text DEFAULT '' NOT NULL,
	"groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ikm_survey" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"title" text NOT NULL,
	"function" text,
	"plan_item_id" text,
	"workshop_id" text,
	"code" text NOT NULL,
	"ask_groups" boolean DEFAULT false NOT NULL,
	"groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ikm_survey_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "ikm_response" ADD CONSTRAINT "ikm_response_survey_id_ikm_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."ikm_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_survey" ADD CONSTRAINT "ikm_survey_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_survey" ADD CONSTRAINT "ikm_survey_plan_item_id_plan_item_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_survey" ADD CONSTRAINT "ikm_survey_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_survey" ADD CONSTRAINT "ikm_survey_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ikm_response_respondent_idx" ON "ikm_response" USING btree ("survey_id","respondent");--> statement-breakpoint
CREATE INDEX "ikm_survey_org_idx" ON "ikm_survey" USING btree ("organisation_id");