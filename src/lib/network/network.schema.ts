import { index, integer, pgTable, text, timestamp, uniqueIndex, date } from 'drizzle-orm/pg-core';
import { organisation } from '../orgs/orgs.schema';
import { participant, workshop } from '../workshops/workshops.schema';
import { ACTOR_KINDS, ORIGINS, TIE_KINDS } from './rules';

/**
 * A network map: an organisation's dated picture of who works with whom (one per mapping
 * session). A map made in a workshop (`workshopId`) is that workshop's session: its
 * participants may add actors and ties from their phones.
 */
export const networkMap = pgTable(
	'network_map',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		workshopId: text('workshop_id')
			.unique()
			.references(() => workshop.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		/** The day the map shows; maps are compared with the one before in this order. */
		takenOn: date('taken_on', { mode: 'string' }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('network_map_org_idx').on(t.organisationId, t.takenOn)]
);

/** Someone on a map. `key` (see rules.actorKey) keeps one actor per name on a map. */
export const networkActor = pgTable(
	'network_actor',
	{
		id: text('id').primaryKey(),
		mapId: text('map_id')
			.notNull()
			.references(() => networkMap.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		key: text('key').notNull(),
		kind: text('kind', { enum: ACTOR_KINDS }).notNull(),
		origin: text('origin', { enum: ORIGINS }).notNull().default('facilitator'),
		/** The phone that named it (kept for moderation; gone with the participant). */
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('network_actor_map_key').on(t.mapId, t.key)]
);

/** A tie between two actors of one map, of a kind and a strength 1-3. */
export const networkTie = pgTable(
	'network_tie',
	{
		id: text('id').primaryKey(),
		mapId: text('map_id')
			.notNull()
			.references(() => networkMap.id, { onDelete: 'cascade' }),
		sourceId: text('source_id')
			.notNull()
			.references(() => networkActor.id, { onDelete: 'cascade' }),
		targetId: text('target_id')
			.notNull()
			.references(() => networkActor.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: TIE_KINDS }).notNull(),
		strength: integer('strength').notNull().default(1),
		origin: text('origin', { enum: ORIGINS }).notNull().default('facilitator'),
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('network_tie_unique').on(t.mapId, t.sourceId, t.targetId, t.kind),
		index('network_tie_map_idx').on(t.mapId)
	]
);
