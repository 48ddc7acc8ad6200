-- Privacy: the audit trail of every read or change of a person's record. Append-only: the database itself
-- refuses UPDATE, DELETE and TRUNCATE (see ADR 0009); rows past their retention are reported, not deleted,
-- by the application.
create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz not null default now(),
    actor            text not null,                -- user name of the account, or 'system' for scheduled jobs
    actor_account_id bigint,
    actor_role       text,
    person_ref       text,                         -- e.g. 'member:42'; null when no person is concerned
    record_type      text not null,                -- household, member, case, proposal…
    record_id        text not null,
    action           text not null check (action in ('READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT', 'PURGE')),
    purpose          text not null check (length(purpose) between 3 and 500)
);
create index audit_event_person on audit_event (person_ref, occurred_at desc);
create index audit_event_actor on audit_event (actor, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
