-- Proposal/consent workflow (issue 7): doctors' capacity, the proposal lifecycle, the annual transfer plan.

-- A doctor using the platform (DOCTOR account): where they practise, how many new patients they take, how many are
-- already committed. The database refuses over-commitment whatever the application does.
create table doctor_capacity (
    doctor_account_id bigint primary key,                 -- identity account (no foreign key across modules on purpose)
    rpps              text check (rpps ~ '^[0-9]{11}$'),
    commune_code      text not null references commune (code),
    departement       text not null,
    lat               double precision not null check (lat between -90 and 90),
    lon               double precision not null check (lon between -180 and 180),
    network_member    boolean not null default false,     -- signed the "médecins solidaires" charter (hook: network module)
    capacity          integer not null check (capacity >= 0),
    committed         integer not null default 0 check (committed >= 0),
    updated_at        timestamptz not null default now(),
    constraint doctor_capacity_not_over_committed check (committed <= capacity)
);
create index doctor_capacity_zone on doctor_capacity (departement) where committed < capacity;

alter table proposal drop constraint proposal_status_check;
alter table proposal
    add constraint proposal_status_check
        check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'REFUSED', 'ATTACHED', 'EXPIRED', 'WITHDRAWN')),
    add column waiting_entry_id bigint references waiting_entry (id),
    add column people integer not null default 1 check (people between 1 and 30),
    add column deadline timestamptz,
    add column reason text,                                -- why this doctor (shown to the doctor and the advisor)
    add column decided_at timestamptz;
-- one live proposal per waiting entry
create unique index proposal_live_entry on proposal (waiting_entry_id) where status in ('PENDING', 'ACCEPTED');
create index proposal_deadline on proposal (deadline) where status in ('PENDING', 'ACCEPTED');

-- The annual transfer plan ("plan annuel de mutation"): one line per transferred member.
create table transfer (
    id                   bigint generated always as identity primary key,
    household_id         bigint not null references household (id) on delete cascade,
    member_ref           text not null,                   -- the fund's beneficiary id of the transferred member
    destination_commune  text not null references commune (code),
    arrival_date         date not null,
    waiting_entry_id     bigint references waiting_entry (id),
    created_at           timestamptz not null default now(),
    unique (member_ref, arrival_date)
);
create index transfer_pending on transfer (arrival_date) where waiting_entry_id is null;

-- a transferred household waits in its destination département
alter table waiting_entry add column destination_commune text references commune (code);
