-- Going live (issue 14): the complete national extraction is authoritative. A doctor it no longer lists is kept,
-- marked inactive since a date; an import records whether it was complete, how many doctors it deactivated and how
-- many lines it kept with a warning (kept like the rejected lines, with their kind).
alter table doctor add column deactivated_at timestamptz;
alter table doctor add constraint doctor_deactivated_means_inactive check (deactivated_at is null or not active);

alter table directory_import
    add column complete    boolean not null default false,
    add column deactivated bigint  not null default 0,
    add column warned      bigint  not null default 0,
    drop constraint directory_import_status_check,
    add constraint directory_import_status_check
        check (status in ('RUNNING', 'APPLIED', 'DRY_RUN', 'REFUSED', 'FAILED', 'NEEDS_CONFIRMATION'));

alter table directory_import_rejection
    add column kind text not null default 'REJECTED' check (kind in ('REJECTED', 'WARNING')),
    drop constraint directory_import_rejection_pkey,
    add primary key (import_id, kind, line, reason);
