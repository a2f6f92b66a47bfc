-- References of the bulk tables, checked once per statement instead of once per row.
--
-- A foreign key runs a trigger for every row written, which looks the parent up and locks it (a
-- WAL-logged row lock): in a 1M-post import that is 1M lookups and locks per reference, two thirds
-- of the cost of writing post_metric_snapshot (measured: 200,000 rows 2.8 s with its two keys, 1.0 s
-- without). These tables are written by the import's set-based merge statements, so their
-- references are checked over the rows each statement wrote (its transition table): the same
-- refusal (SQLSTATE 23503, foreign_key_violation), one pass per statement.
--
-- What a foreign key also did, and what replaces it here:
--   * deleting a referenced parent row is refused (or cascades, for post_risk) by a statement
--     trigger on the parent;
--   * parent keys are identities that nothing updates; an UPDATE of them is refused;
--   * post.practice_id -> practice needs no check of its own: (practice_id, account_id) must name a
--     social_account, whose practice_id is a foreign key to practice.
-- Not replaced: the row lock that makes a parent's deletion wait for a concurrent child insert.
-- Practice Pulse deletes no posts, accounts or import runs; a delete by hand racing an import could
-- leave an orphan, which the delete triggers above cannot see until the import commits.

-- Key columns are comma-separated lists (child and parent in the same order). The equality of two
-- aliases' keys ("p.practice_id = n.practice_id and p.id = n.post_id"), and one alias's key columns.
create function pulse_key_match(a text, a_cols text, b text, b_cols text) returns text language sql immutable as $$
    select string_agg(format('%I.%I = %I.%I', a, x, b, y), ' and ')
    from unnest(string_to_array(a_cols, ','), string_to_array(b_cols, ',')) as k(x, y)
$$;

create function pulse_key_columns(a text, cols text) returns text language sql immutable as $$
    select string_agg(format('%I.%I', a, c), ', ') from unnest(string_to_array(cols, ',')) as k(c)
$$;

-- Both trigger functions find the helpers above in the schema they were created in, whatever the
-- search_path of the session whose statement fires them.
create function pulse_check_references() returns trigger language plpgsql set search_path from current as $$
-- TG_ARGV: parent table, child columns, parent columns (comma-separated, in the same order), and
-- 'distinct' to look each distinct key up once (keys shared by many rows: the import run).
declare
    keys    text := case when TG_ARGV[3] = 'distinct' then format('(select distinct %s from new_rows)', TG_ARGV[1])
                    else 'new_rows' end;
    missing text;
begin
    -- offset 0 keeps the subquery a lookup by key per row, whatever the parent's statistics say.
    execute format('select row(%s)::text from %s n where not exists (select 1 from %I.%I p where %s offset 0) limit 1',
                   pulse_key_columns('n', TG_ARGV[1]), keys, TG_TABLE_SCHEMA, TG_ARGV[0],
                   pulse_key_match('p', TG_ARGV[2], 'n', TG_ARGV[1]))
        into missing;
    if missing is not null then
        raise foreign_key_violation using
            message = format('%s refers to a missing %s row', TG_TABLE_NAME, TG_ARGV[0]),
            detail = format('Key (%s)=%s is not present in table "%s".', TG_ARGV[1], missing, TG_ARGV[0]);
    end if;
    return null;
end $$;

create function pulse_check_referenced() returns trigger language plpgsql set search_path from current as $$
-- TG_ARGV: child table, child columns, parent columns (as above), and 'restrict' or 'cascade'.
declare
    matches    text := pulse_key_match('c', TG_ARGV[1], 'o', TG_ARGV[2]);
    referenced text;
begin
    if TG_ARGV[3] = 'cascade' then
        execute format('delete from %I.%I c using old_rows o where %s', TG_TABLE_SCHEMA, TG_ARGV[0], matches);
        return null;
    end if;
    execute format('select row(%s)::text from old_rows o where exists (select 1 from %I.%I c where %s) limit 1',
                   pulse_key_columns('o', TG_ARGV[2]), TG_TABLE_SCHEMA, TG_ARGV[0], matches)
        into referenced;
    if referenced is not null then
        raise foreign_key_violation using
            message = format('%s row is still referenced from table "%s"', TG_TABLE_NAME, TG_ARGV[0]),
            detail = format('Key (%s)=%s is still referenced from table "%s".', TG_ARGV[2], referenced, TG_ARGV[0]);
    end if;
    return null;
end $$;

create function pulse_refuse_key_change() returns trigger language plpgsql as $$
begin
    raise foreign_key_violation using message = format('the key of a %s row never changes: rows refer to it', TG_TABLE_NAME);
end $$;

alter table post drop constraint post_import_run_id_fkey;
alter table post drop constraint post_practice_id_account_id_fkey;
alter table post drop constraint post_practice_id_fkey;
alter table post_metric_snapshot drop constraint post_metric_snapshot_import_run_id_fkey;
alter table post_metric_snapshot drop constraint post_metric_snapshot_practice_id_post_id_fkey;
alter table post_latest_metric drop constraint post_latest_metric_import_run_id_fkey;
alter table post_latest_metric drop constraint post_latest_metric_practice_id_post_id_fkey;
alter table post_risk drop constraint post_risk_practice_id_post_id_fkey;

do $$
declare
    r record;
begin
    for r in select * from (values
        ('post', 'social_account', 'practice_id,account_id', 'practice_id,id', 'distinct', 'restrict'),
        ('post', 'import_run', 'import_run_id', 'id', 'distinct', 'restrict'),
        ('post_metric_snapshot', 'post', 'practice_id,post_id', 'practice_id,id', 'each', 'restrict'),
        ('post_metric_snapshot', 'import_run', 'import_run_id', 'id', 'distinct', 'restrict'),
        ('post_latest_metric', 'post', 'practice_id,post_id', 'practice_id,id', 'each', 'restrict'),
        ('post_latest_metric', 'import_run', 'import_run_id', 'id', 'distinct', 'restrict'),
        ('post_risk', 'post', 'practice_id,post_id', 'practice_id,id', 'each', 'cascade'))
        as v(child, parent, child_cols, parent_cols, keys, on_delete)
    loop
        execute format('create trigger %I after insert on %I referencing new table as new_rows for each statement '
                       'execute function pulse_check_references(%L, %L, %L, %L)',
                       r.child || '_refers_to_' || r.parent || '_on_insert', r.child, r.parent, r.child_cols,
                       r.parent_cols, r.keys);
        -- (a trigger with a transition table cannot name columns: every updated row is checked)
        execute format('create trigger %I after update on %I referencing new table as new_rows for each statement '
                       'execute function pulse_check_references(%L, %L, %L, %L)',
                       r.child || '_refers_to_' || r.parent || '_on_update', r.child, r.parent,
                       r.child_cols, r.parent_cols, r.keys);
        execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement '
                       'execute function pulse_check_referenced(%L, %L, %L, %L)',
                       r.parent || '_referenced_by_' || r.child, r.parent, r.child, r.child_cols, r.parent_cols,
                       r.on_delete);
    end loop;
end $$;

create trigger post_key_never_changes before update of practice_id, id on post
    for each row when (old.practice_id is distinct from new.practice_id or old.id is distinct from new.id)
    execute function pulse_refuse_key_change();
create trigger social_account_key_never_changes before update of practice_id, id on social_account
    for each row when (old.practice_id is distinct from new.practice_id or old.id is distinct from new.id)
    execute function pulse_refuse_key_change();
create trigger import_run_key_never_changes before update of id on import_run
    for each row when (old.id is distinct from new.id)
    execute function pulse_refuse_key_change();
