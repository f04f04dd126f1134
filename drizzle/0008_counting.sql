ALTER TABLE "voting_round" ADD COLUMN "count_state" jsonb;--> statement-breakpoint
ALTER TABLE "voting_round" ADD COLUMN "result_hash" text;