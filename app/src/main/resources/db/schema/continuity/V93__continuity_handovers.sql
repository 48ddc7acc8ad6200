-- Handovers (issue #20, point 2): when a departure comes within the horizon, the departing doctor's patients' households
-- are put on the waiting list (source DEPARTURE) and told; the share re-attached before the date is followed.

create table handover (
    id          bigint generated always as identity primary key,
    rpps        text not null check (rpps ~ '^[0-9]{11}$'),
    expected_on date not null,
    opened_at   timestamptz not null,
    case_id     bigint,                                -- the PASS case opened for the group (cases module)
    unique (rpps, expected_on)
);

create table handover_household (
    handover_id      bigint not null references handover (id) on delete cascade,
    household_id     bigint not null,
    waiting_entry_id bigint,
    told             boolean not null,
    primary key (handover_id, household_id)
);

create index handover_household_household on handover_household (household_id);
