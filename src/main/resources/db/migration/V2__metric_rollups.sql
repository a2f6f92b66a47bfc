-- Aggregates maintained on import, so that dashboard queries read period-sized data, never
-- every snapshot ever imported.

-- The newest snapshot of each post, with the post's own keys beside it.
create table post_latest_metric (
    practice_id            bigint      not null,
    post_id                bigint      not null,
    platform               text        not null,
    account_id             bigint      not null,
    published_at           timestamptz not null,
    as_of                  date        not null,
    impressions            bigint,
    reach                  bigint,
    engagements            bigint,
    likes                  bigint,
    comments               bigint,
    shares                 bigint,
    saves                  bigint,
    clicks                 bigint,
    profile_clicks         bigint,
    video_views            bigint,
    watch_time_seconds     bigint,
    follows                bigint,
    -- which platform definition fed impressions: 'views' (Meta since 2025), 'impressions', or null
    impressions_definition text,
    import_run_id          bigint      not null references import_run (id),
    primary key (practice_id, post_id),
    foreign key (practice_id, post_id) references post (practice_id, id)
);
create index post_latest_by_publication on post_latest_metric (practice_id, published_at);

-- Per local publication day (practice time zone), platform and account: sums of the latest
-- counters. Each rate keeps its numerator and denominator over the posts that report both.
create table daily_post_rollup (
    practice_id        bigint not null,
    day                date   not null,
    platform           text   not null,
    account_id         bigint not null,
    posts              integer not null,
    impressions        bigint,
    reach              bigint,
    engagements        bigint,
    clicks             bigint,
    video_views        bigint,
    watch_time_seconds bigint,
    er_engagements     bigint,
    er_impressions     bigint,
    err_engagements    bigint,
    err_reach          bigint,
    ctr_clicks         bigint,
    ctr_impressions    bigint,
    post_rate_sum      double precision,
    post_rate_count    integer,
    primary key (practice_id, day, platform, account_id)
);

create index snapshot_by_run on post_metric_snapshot (import_run_id);
create index account_day_by_day on account_daily_metric (practice_id, day);
create index traffic_by_platform_day on web_traffic_daily (practice_id, day) where platform is not null;
