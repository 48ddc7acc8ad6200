-- Doctors of the directory (minimal form; the directory issue extends it).
-- Synthetic doctors (demo) carry synthetic = true and ids starting with SYNTH-.

create table doctor (
    id                     text primary key,
    rpps                   text unique check (rpps ~ '^[0-9]{11}$'),
    specialty              text not null,
    commune_code           text not null references commune (code),
    lat                    double precision not null check (lat between -90 and 90),
    lon                    double precision not null check (lon between -180 and 180),
    birth_year             integer check (birth_year between 1900 and 2100),
    consultations_per_year double precision not null check (consultations_per_year >= 0),
    new_patient_status     text not null check (new_patient_status in
                               ('ACCEPTING', 'EXISTING_PATIENTS_AND_FAMILY_ONLY', 'EXISTING_PATIENTS_ONLY', 'NOT_ACCEPTING')),
    new_patient_capacity   integer not null default 0 check (new_patient_capacity >= 0),
    synthetic              boolean not null default false,
    active                 boolean not null default true,
    updated_at             timestamptz not null
);

create index doctor_active_commune on doctor (commune_code) where active;
create index doctor_specialty on doctor (specialty) where active;
