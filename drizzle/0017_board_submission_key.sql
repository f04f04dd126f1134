-- A submission's id is the note's id, made by the phone: unique on its board, so the same
-- forum imported into two organisations keeps both (the key is board and id).
ALTER TABLE "board_submission" DROP CONSTRAINT "board_submission_pkey";--> statement-breakpoint
ALTER TABLE "board_submission" ADD CONSTRAINT "board_submission_board_id_id_pk" PRIMARY KEY("board_id","id");
