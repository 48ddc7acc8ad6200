-- Matching runs use the engine (issue 7, ADR 0050): the explanation of each proposal and the reason each household
-- was left unserved are stored with the run; doctors' availability comes from the directory (linked by RPPS).

-- The directory's new-patient status, mirrored (the directory is the source of truth; see ADR 0050).
alter table doctor_capacity add column accepting boolean not null default true;

alter table matching_run_line
    add column minutes          double precision check (minutes >= 0),   -- estimated road travel time
    add column rank             integer check (rank >= 1),               -- among the household's eligible doctors, nearest first
    add column eligible_doctors integer check (eligible_doctors >= 0),
    add column network_member   boolean not null default false,
    add column passed_over      text not null default '';                -- nearer doctors and why, in French

create table matching_run_unserved (
    run_id           bigint not null references matching_run (id) on delete cascade,
    entry_id         bigint not null references waiting_entry (id),
    reason           text not null,                                     -- engine's UnservedReason
    eligible_doctors integer not null check (eligible_doctors >= 0),
    primary key (run_id, entry_id)
);

alter table matching_run add column objective text not null default '';
