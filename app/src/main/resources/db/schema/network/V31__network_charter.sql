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

-- First version of the charter. Our summary of the commitments (demo text), not the fund's official wording.
insert into charter_version (version, title, body, published_at) values (1,
  'Charte d''entente « médecins solidaires des Armées » — version 1',
  'En signant cette charte, je m''engage, dans la mesure de mes possibilités :
1. à faciliter l''accès aux soins des militaires mutés et de leur famille arrivant dans mon secteur ;
2. à recevoir en priorité leurs demandes de rendez-vous et, si je le peux, à devenir leur médecin traitant ;
3. à indiquer et tenir à jour le nombre de nouveaux patients que je peux accueillir ;
4. à informer le réseau si je ne peux plus tenir ces engagements ; je peux retirer ma signature à tout moment.
La caisse s''engage à orienter vers moi les familles qui en ont besoin et à ne publier que les informations que j''accepte de rendre publiques.',
  '2024-01-15T00:00:00Z');
