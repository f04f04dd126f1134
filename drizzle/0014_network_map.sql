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
ALTER TABLE "network_actor" ADD CONSTRAINT "network_actor_map_id_network_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."network_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_actor" ADD CONSTRAINT "network_actor_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_map" ADD CONSTRAINT "network_map_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_map" ADD CONSTRAINT "network_map_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_map_id_network_map_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."network_map"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_source_id_network_actor_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."network_actor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_target_id_network_actor_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."network_actor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tie" ADD CONSTRAINT "network_tie_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_actor_map_key" ON "network_actor" USING btree ("map_id","key");--> statement-breakpoint
CREATE INDEX "network_map_org_idx" ON "network_map" USING btree ("organisation_id","taken_on");--> statement-breakpoint
CREATE UNIQUE INDEX "network_tie_unique" ON "network_tie" USING btree ("map_id","source_id","target_id","kind");--> statement-breakpoint
CREATE INDEX "network_tie_map_idx" ON "network_tie" USING btree ("map_id");