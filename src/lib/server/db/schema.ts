// One schema for Postgres and PGlite; one file per domain.
export * from './auth.schema';
export * from './sessions.schema';
export * from './orgs.schema';
export * from './workshops.schema';
export * from './boards.schema';
export * from './voting.schema';
export * from './plans.schema';
export * from './authorship.schema';
export * from './safeguarding.schema';
