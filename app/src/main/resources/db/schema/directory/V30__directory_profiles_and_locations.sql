-- Directory (issue 5): doctors' public profile, capacity and practice locations.
-- Synthetic doctors carry RPPS numbers of the reserved range 000xxxxxxxx (real ones start with 1).

alter table doctor
    add column last_name          text,
    add column first_name         text,
    add column specialty_code     text,
    add column fee_sector         text check (fee_sector in ('SECTOR_1', 'SECTOR_2', 'OPTAM')),
    add column teleconsultation   boolean not null default false,
    add column wheelchair_access  boolean not null default false,
    add column languages          text[]  not null default '{}',
    add column mssante            text,
    add column phone              text,
    add column max_complexity     integer not null default 1 check (max_complexity between 1 and 3),
    add column network_member     boolean not null default false,
    add column availability_updated_at timestamptz,
    add constraint doctor_synthetic_rpps check (rpps is null or rpps not like '000%' or synthetic),
    add constraint doctor_capacity_only_when_accepting check (new_patient_status = 'ACCEPTING' or new_patient_capacity = 0);

-- One row per practice location; ordinal 0 is the main one (the doctor's commune_code/lat/lon).
create table practice_location (
    doctor_id    text    not null references doctor (id) on delete cascade,
    ordinal      integer not null check (ordinal >= 0),
    name         text    not null default '',
    address      text    not null default '',
    postal_code  text    not null default '',
    commune_code text    not null references commune (code),
    lat          double precision not null check (lat between -90 and 90),
    lon          double precision not null check (lon between -180 and 180),
    primary key (doctor_id, ordinal)
);

create index doctor_network_member on doctor (network_member) where active and network_member;
