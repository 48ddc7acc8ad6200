-- Continuity (issue #20): declared departures of doctors (by the doctor, an agent or an import), with the expected
-- date, the reason and the successor who takes over the practice, if any. Observed departures (absent from a complete
-- national extraction) and predicted ones (age) are derived, not stored.

create table doctor_departure (
    id             bigint generated always as identity primary key,
    rpps           text not null check (rpps ~ '^[0-9]{11}$'),
    expected_on    date not null,
    reason         text not null check (reason in ('RETIREMENT', 'MOVE', 'STOP', 'OTHER')),
    successor_rpps text check (successor_rpps ~ '^[0-9]{11}$'),
    source         text not null check (source in ('DOCTOR', 'AGENT', 'IMPORT')),
    note           text not null default '' check (length(note) <= 500),
    recorded_at    timestamptz not null,
    recorded_by    text not null,
    cancelled_at   timestamptz,
    check (successor_rpps is null or successor_rpps <> rpps)
);

-- one current declaration per doctor
create unique index doctor_departure_current on doctor_departure (rpps) where cancelled_at is null;
create index doctor_departure_expected on doctor_departure (expected_on) where cancelled_at is null;
