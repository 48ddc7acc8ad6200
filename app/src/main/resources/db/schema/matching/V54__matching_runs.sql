-- Matching runs (issue 7): an advisor runs the matching for a zone, reviews the result, then publishes it as proposals.
create table matching_run (
    id             bigint generated always as identity primary key,
    departement    text not null,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    status         text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    published_at   timestamptz,
    considered     integer not null check (considered >= 0),     -- waiting entries in the zone at run time
    unserved       integer not null check (unserved >= 0)
);
create table matching_run_line (
    run_id            bigint not null references matching_run (id) on delete cascade,
    entry_id          bigint not null references waiting_entry (id),
    doctor_account_id bigint not null,
    distance_km       double precision not null check (distance_km >= 0),
    reason            text not null,
    proposal_id       bigint references proposal (id),
    primary key (run_id, entry_id)
);
