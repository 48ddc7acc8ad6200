-- Directory imports run as background jobs (issue 5, ADR 0040): the history of the last imports, who started them,
-- and the line-by-line report of a refused file (capped, see DirectoryImports.MAX_STORED_REJECTIONS).
create table directory_import (
    id              bigint generated always as identity primary key,
    format          text        not null check (format in ('RPPS_EXTRACTION', 'TRAITANT_CSV')),
    file_name       text        not null default '',
    file_bytes      bigint      not null default 0 check (file_bytes >= 0),
    dry_run         boolean     not null,
    started_by      text        not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    status          text        not null check (status in ('RUNNING', 'APPLIED', 'DRY_RUN', 'REFUSED', 'FAILED')),
    message         text        not null default '',
    lines           bigint      not null default 0,
    accepted_rows   bigint      not null default 0,
    doctors         bigint      not null default 0,
    created         bigint      not null default 0,
    updated         bigint      not null default 0,
    unchanged       bigint      not null default 0,
    skipped         bigint      not null default 0,
    rejected        bigint      not null default 0,
    duration_ms     bigint      not null default 0,
    staging_ms      bigint      not null default 0,
    merge_ms        bigint      not null default 0,
    check ((status = 'RUNNING') = (finished_at is null))
);

-- One import at a time, whatever the number of application instances.
create unique index directory_import_one_running on directory_import ((true)) where status = 'RUNNING';
create index directory_import_recent on directory_import (started_at desc);

create table directory_import_rejection (
    import_id bigint not null references directory_import (id) on delete cascade,
    line      bigint not null check (line > 0),
    reason    text   not null,
    primary key (import_id, line)
);
