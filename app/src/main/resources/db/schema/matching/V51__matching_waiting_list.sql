-- Waiting list (issue 7): households needing a médecin traitant, with a priority class and their waiting-since date.
-- An entry is never deleted by the application: it is paused (three unanswered contacts), proposed, attached or withdrawn.
create table waiting_entry (
    id                  bigint generated always as identity primary key,
    household_id        bigint not null references household (id) on delete cascade,
    source              text not null check (source in ('TRANSFER', 'CASE', 'ALD_DATA', 'ONLINE')),
    departement         text not null check (departement ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
    people              integer not null check (people between 1 and 30),       -- members needing the doctor
    priority            smallint not null check (priority between 1 and 5),     -- 1 = most urgent
    priority_reasons    text not null default '',
    waiting_since       timestamptz not null,                                   -- kept across declines and refusals
    status              text not null default 'WAITING'
                            check (status in ('WAITING', 'PAUSED', 'PROPOSED', 'ATTACHED', 'WITHDRAWN')),
    unanswered_contacts integer not null default 0 check (unanswered_contacts between 0 and 3),
    status_changed_at   timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    check (status <> 'PAUSED' or unanswered_contacts = 3)
);
-- at most one open entry per household
create unique index waiting_entry_open on waiting_entry (household_id) where status in ('WAITING', 'PAUSED', 'PROPOSED');
create index waiting_entry_zone on waiting_entry (departement, status, priority, waiting_since);

create table waiting_contact (
    id           bigint generated always as identity primary key,
    entry_id     bigint not null references waiting_entry (id) on delete cascade,
    contacted_at timestamptz not null,
    channel      text not null check (channel in ('PHONE', 'EMAIL', 'LETTER', 'SMS')),
    answered     boolean not null
);
create index waiting_contact_entry on waiting_contact (entry_id, contacted_at);
