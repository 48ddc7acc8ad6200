-- "Médecins solidaires" network (issue 5): versioned charter, current signatories, full history.

create table charter_version (
    version      integer primary key check (version > 0),
    title        text not null,
    body         text not null,
    published_at timestamptz not null
);

-- Current members: one row per doctor who signed and has not withdrawn.
create table charter_member (
    doctor_id                 text primary key,
    rpps                      text not null unique check (rpps ~ '^[0-9]{11}$'),
    version                   integer not null references charter_version (version),
    signed_at                 timestamptz not null,
    updated_at                timestamptz not null,
    takes_transferred_families boolean not null,
    willing_declared_doctor   boolean not null,
    new_patients_per_year     integer not null check (new_patients_per_year between 0 and 2000),
    commune_code              text not null references commune (code),
    departement               text not null,
    lat                       double precision not null check (lat between -90 and 90),
    lon                       double precision not null check (lon between -180 and 180),
    synthetic                 boolean not null default false
);

create index charter_member_departement on charter_member (departement);

-- Every signature, update and withdrawal, never updated nor deleted.
create table charter_event (
    id                        bigserial primary key,
    doctor_id                 text not null,
    rpps                      text not null,
    kind                      text not null check (kind in ('SIGNED', 'UPDATED', 'WITHDRAWN')),
    version                   integer not null references charter_version (version),
    at                        timestamptz not null,
    takes_transferred_families boolean,
    willing_declared_doctor   boolean,
    new_patients_per_year     integer check (new_patients_per_year between 0 and 2000),
    reason                    text,
    synthetic                 boolean not null default false
);

create index charter_event_doctor on charter_event (doctor_id, at);
