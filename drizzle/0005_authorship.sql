CREATE TABLE "board_dot" (
	"board_id" text NOT NULL,
	"note_id" text NOT NULL,
	"voter_kind" text NOT NULL,
	"voter_id" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "board_dot_board_id_note_id_voter_kind_voter_id_pk" PRIMARY KEY("board_id","note_id","voter_kind","voter_id")
);
--> statement-breakpoint
CREATE TABLE "board_reaction" (
	"board_id" text NOT NULL,
	"note_id" text NOT NULL,
	"emoji" text NOT NULL,
	"reactor_kind" text NOT NULL,
	"reactor_id" text NOT NULL,
	CONSTRAINT "board_reaction_board_id_note_id_emoji_reactor_kind_reactor_id_pk" PRIMARY KEY("board_id","note_id","emoji","reactor_kind","reactor_id")
);
--> statement-breakpoint
CREATE TABLE "note_author" (
	"board_id" text NOT NULL,
	"note_id" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"participant_id" text,
	"child" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_author_board_id_note_id_pk" PRIMARY KEY("board_id","note_id")
);
--> statement-breakpoint
ALTER TABLE "board_dot" ADD CONSTRAINT "board_dot_board_id_board_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."board"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reaction" ADD CONSTRAINT "board_reaction_board_id_board_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."board"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_author" ADD CONSTRAINT "note_author_board_id_board_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."board"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_author" ADD CONSTRAINT "note_author_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_author" ADD CONSTRAINT "note_author_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_dot_voter_idx" ON "board_dot" USING btree ("board_id","voter_kind","voter_id");