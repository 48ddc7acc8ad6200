-- "Un médecin près de chez vous" (issue #19): volunteers and their pledged days, consultation places, the month's plan
-- and its days (draft → proposed → confirmed or refused → held or not held), substitute doctors and replacements,
-- consultation slots and requests, the daily indemnity with its effective dates.

create table mission_volunteer (
    id                 bigint generated always as identity primary key,
    rpps               text not null check (rpps ~ '^[0-9]{11}$'),
    month              date not null check (extract(day from month) = 1),
    days               integer not null check (days between 0 and 2),          -- the scheme's rule: 2 days a month
    available          date[] not null,
    max_minutes        integer not null check (max_minutes between 0 and 240),
    preferred_site_ids bigint[] not null default '{}',
    needs_replacement  boolean not null,
    source             text not null check (source in ('PLATFORM', 'IMPORT')),
    recorded_at        timestamptz not null,
    unique (rpps, month)
);

create table mission_site (
    id           bigint generated always as identity primary key,
    name         text not null check (length(name) between 1 and 200),
    commune_code text not null references commune (code),
    care_site_id bigint references care_site (id),
    rooms        integer not null check (rooms between 1 and 20),                -- doctors at once
    assistants   boolean not null,                                              -- medical assistants present
    equipment    text not null default '' check (length(equipment) <= 500),
    synthetic    boolean not null default false,
    created_at   timestamptz not null,
    unique (name, commune_code)
);

create index mission_site_commune on mission_site (commune_code);
create index mission_site_care_site on mission_site (care_site_id);

create table mission_site_open (
    site_id bigint not null references mission_site (id) on delete cascade,
    day     date not null,
    primary key (site_id, day)
);

create table mission_plan (
    month           date primary key check (extract(day from month) = 1),
    status          text not null check (status in ('DRAFT', 'PUBLISHED')),
    planned_at      timestamptz not null,
    published_at    timestamptz,
    sites_with_days integer not null,
    value           double precision not null,
    travel          double precision not null,
    greedy_sites    integer not null,
    greedy_value    double precision not null,
    greedy_travel   double precision not null
);

create table mission_day (
    id           bigint generated always as identity primary key,
    month        date not null references mission_plan (month) on delete cascade,
    volunteer_id bigint not null references mission_volunteer (id),
    site_id      bigint not null references mission_site (id),
    day          date not null,
    minutes      double precision not null check (minutes >= 0),
    status       text not null check (status in ('DRAFT', 'PROPOSED', 'CONFIRMED', 'REFUSED', 'HELD', 'NOT_HELD')),
    changed_at   timestamptz not null
);

-- one site a day per volunteer, whatever the plan says (a refused day frees the date)
create unique index mission_day_volunteer_date on mission_day (volunteer_id, day) where status <> 'REFUSED';
create index mission_day_month on mission_day (month);
create index mission_day_site on mission_day (site_id, day);

-- doctors who replace (remplaçants) and declared where and when they can
create table mission_substitute (
    rpps         text primary key check (rpps ~ '^[0-9]{11}$'),
    commune_code text not null references commune (code),
    max_minutes  integer not null check (max_minutes between 0 and 240),
    available    date[] not null,
    recorded_at  timestamptz not null
);

create index mission_substitute_commune on mission_substitute (commune_code);

create table mission_replacement (
    mission_day_id  bigint primary key references mission_day (id) on delete cascade,
    substitute_rpps text not null references mission_substitute (rpps),
    day             date not null,
    recorded_at     timestamptz not null,
    unique (substitute_rpps, day)
);

create table mission_slot (
    id             bigint generated always as identity primary key,
    mission_day_id bigint not null references mission_day (id) on delete cascade,
    starts_at      timestamptz not null,
    household_id   bigint,
    person_ref     text,
    booked_at      timestamptz,
    unique (mission_day_id, starts_at),
    check ((household_id is null) = (booked_at is null))
);

create index mission_slot_household on mission_slot (household_id) where household_id is not null;

-- a person's request for a consultation: served when a slot was booked, within 48 hours or not
create table mission_request (
    id           bigint generated always as identity primary key,
    household_id bigint not null,
    person_ref   text not null,
    epci         text not null,
    requested_at timestamptz not null,
    slot_id      bigint references mission_slot (id) on delete set null
);

create index mission_request_slot on mission_request (slot_id);

create table mission_rate (
    effective_from date primary key,
    euros_per_day  numeric(8, 2) not null check (euros_per_day >= 0),
    recorded_at    timestamptz not null
);

-- the scheme's amount since September 2025
insert into mission_rate (effective_from, euros_per_day, recorded_at) values ('2025-09-01', 200.00, now());
