-- Bulk post import (ingest/PostStaging): posts are COPYed into a staging table and merged with
-- one INSERT ... SELECT ... ON CONFLICT per file, so the "day only" flag of a publication time has
-- to live on the row itself (the merge can read it from excluded.*).
alter table post add column published_day_only boolean not null default false;

-- Risk scoring and the rollups read "the posts this run touched": keep that an index lookup.
create index post_by_run on post (practice_id, import_run_id, id);

-- How long each phase of an import took (read and write, rollups, risk, reviews), in milliseconds.
alter table import_run add column phase_millis jsonb;

-- The category filter of /api/posts is "? = any(categories)" inside an optional predicate, which a
-- GIN index cannot serve; the index only cost every imported post's score a GIN insert.
drop index post_risk_by_category;
