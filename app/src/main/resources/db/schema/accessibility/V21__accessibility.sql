-- Accessibility (APL) results: the latest computation per commune and per area, and the history of runs.

create table accessibility_run (
    id                     bigint generated always as identity primary key,
    kind                   text not null check (kind in ('FULL', 'INCREMENTAL')),
    trigger                text not null,
    started_at             timestamptz not null,
    finished_at            timestamptz,
    status                 text not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    doctors                integer,
    duration_ms            bigint,
    national_apl           double precision,
    underserved_population bigint,
    error                  text
);

create table commune_accessibility (
    commune_code text primary key references commune (code) on delete cascade,
    apl          double precision not null check (apl >= 0),
    population   bigint not null,
    underserved  boolean not null,
    run_id       bigint not null references accessibility_run (id)
);

create table area_accessibility (
    level                  text not null check (level in ('EPCI', 'DEPARTEMENT', 'REGION')),
    code                   text not null,
    commune_count          integer not null,
    population             bigint not null,
    apl                    double precision not null,
    underserved_population bigint not null,
    priority_rank          integer,
    run_id                 bigint not null references accessibility_run (id),
    primary key (level, code)
);

create index area_accessibility_rank on area_accessibility (priority_rank) where priority_rank is not null;
