-- France Santé care sites (issue #18): the registry, the label's criteria, the labelling workflow with its history.

create table care_site (
    id                 bigint generated always as identity primary key,
    name               text not null check (length(name) between 1 and 200),
    kind               text not null check (kind in ('MSP', 'CENTRE_DE_SANTE', 'CABINET_REGROUPE', 'HOPITAL_DE_PROXIMITE',
                                                    'CONSULTATIONS_AVANCEES', 'PHARMACIE_TELECONSULTATION', 'MEDICOBUS')),
    address            text not null default '' check (length(address) <= 300),
    commune_code       text not null references commune (code),
    opening_days       integer not null check (opening_days between 0 and 7),   -- days open a week
    nurse              boolean not null,                                        -- a nurse present (or nearby)
    sector1            boolean not null,                                        -- consultations without extra fees
    sas                boolean not null,                                        -- takes part in the SAS
    appointment_48h    boolean not null,                                        -- an appointment within 48 hours
    status             text not null default 'CANDIDATE'
                           check (status in ('CANDIDATE', 'UNDER_REVIEW', 'LABELLED', 'WITHDRAWN')),
    status_changed_at  timestamptz not null,
    created_at         timestamptz not null,
    synthetic          boolean not null default false,
    unique (name, commune_code)
);

create index care_site_commune on care_site (commune_code);
create index care_site_status on care_site (status);

create table care_site_event (
    id         bigint generated always as identity primary key,
    site_id    bigint not null references care_site (id) on delete cascade,
    status     text not null check (status in ('CANDIDATE', 'UNDER_REVIEW', 'LABELLED', 'WITHDRAWN')),
    at         timestamptz not null,
    authority  text not null default '' check (length(authority) <= 200),   -- who decided (ARS, préfecture…)
    note       text not null default '' check (length(note) <= 1000)
);

create index care_site_event_site on care_site_event (site_id, at);
