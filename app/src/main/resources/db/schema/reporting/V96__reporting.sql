-- Reporting (issue #21): the families' satisfaction after an attachment, and the monthly figures frozen once published.

-- One answer per attachment (the proposal through which the family chose its médecin traitant, matching module).
create table satisfaction_answer (
    id            bigint generated always as identity primary key,
    proposal_id   bigint not null unique,
    household_id  bigint not null,
    departement   text not null check (departement ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
    score         smallint not null check (score between 1 and 5),
    search_months text not null check (search_months in ('LESS_THAN_1', '1_TO_3', '3_TO_6', '6_TO_12', 'MORE_THAN_12')),
    recommend     boolean not null,
    answered_at   timestamptz not null
);
create index satisfaction_answer_answered on satisfaction_answer (answered_at);
create index satisfaction_answer_household on satisfaction_answer (household_id);

-- The figures of a month for every zone (France, régions, départements), frozen on the first day of the next month; a
-- correction is a new version, the earlier ones stay.
create table monthly_figures (
    month        date not null check (extract(day from month) = 1),
    version      integer not null check (version >= 1),
    published_at timestamptz not null,
    reconstructed boolean not null default false,        -- computed after the month from the entries as they were then
    note         text not null default '' check (length(note) <= 500),
    figures      jsonb not null,                          -- zone code → figures (see reporting.ZoneFigures)
    primary key (month, version)
);
