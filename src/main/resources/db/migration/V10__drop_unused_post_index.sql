-- No query reads post by publication time (the dashboards read post_latest_metric, which has its
-- own index on it); the index only cost every imported post an index insert.
drop index post_by_publication;
