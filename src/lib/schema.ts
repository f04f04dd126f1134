// Every domain's tables in one place: the migration generator (`npm run db:generate`) and the
// forum transfer read them from here. Each domain owns its tables in `<domain>/<domain>.schema.ts`.
export * from './sessions/sessions.schema';
export * from './orgs/orgs.schema';
export * from './workshops/workshops.schema';
export * from './boards/boards.schema';
export * from './boards/authorship.schema';
export * from './voting/voting.schema';
export * from './plans/plans.schema';
export * from './safeguarding/safeguarding.schema';
export * from './satisfaction/satisfaction.schema';
export * from './assessment/assessment.schema';
export * from './network/network.schema';
export * from './social/social.schema';
