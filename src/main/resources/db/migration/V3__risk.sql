-- Professionalism-risk score of every imported post (issue 6). One row per post, written by the
-- import that last touched the post and rewritten when the rules change (rules_version differs
-- from the loaded rules: see PostRiskScoring.rescoreAll).
create table post_risk (
    practice_id   bigint      not null,
    post_id       bigint      not null,
    -- the base version, plus "+<practice-slug>.<extension version>" for a practice's extension
    rules_version text        not null,
    score         smallint    not null check (score between 0 and 100),
    level         text        not null check (level in ('low', 'medium', 'high')),
    -- categories with at least one medium or high finding
    categories    text[]      not null default '{}',
    -- [{category, rule, excerpt, start, end, severity, explanation, guidance}]
    findings      jsonb       not null default '[]',
    scored_at     timestamptz not null default now(),
    primary key (practice_id, post_id),
    foreign key (practice_id, post_id) references post (practice_id, id) on delete cascade
);
-- The riskiest posts of a practice first, and the posts of one category.
create index post_risk_by_score on post_risk (practice_id, score desc, post_id);
create index post_risk_by_category on post_risk using gin (categories);
