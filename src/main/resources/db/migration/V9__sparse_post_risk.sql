-- Nine posts in ten have no finding: they need no post_risk row (a 1M-post import wrote 1M rows of
-- "score 0, findings []"). The post itself now says which rules scored it; post_risk keeps the
-- posts with findings. A post whose risk_rules_version is set and that has no post_risk row scored 0
-- (level low, no findings) under those rules; a null version means not scored yet.
alter table post add column risk_rules_version text;

update post p set risk_rules_version = r.rules_version
from post_risk r
where r.practice_id = p.practice_id and r.post_id = p.id;

delete from post_risk where findings = '[]'::jsonb;
