-- Hand-written (data only), after 0009_secret_ballots.
-- Guards from before guards had a channel: assisted when the person was recorded as assisted.
UPDATE "ballot_guard" SET "channel" = 'assisted' FROM "participant" WHERE "participant"."id" = "ballot_guard"."participant_id" AND "participant"."assisted";--> statement-breakpoint
-- Ballots from before were written in their guard's transaction and in casting order.
-- Rewrite every one in a single transaction and in random order, so that neither
-- xmin nor ctid pairs a ballot with its guard any more. Dead row versions remain until
-- VACUUM (autovacuum, or run VACUUM ballot after upgrading).
WITH "moved" AS (DELETE FROM "ballot" RETURNING *) INSERT INTO "ballot" SELECT * FROM "moved" ORDER BY random();--> statement-breakpoint
UPDATE "ballot_guard" SET "state" = 'cast';
