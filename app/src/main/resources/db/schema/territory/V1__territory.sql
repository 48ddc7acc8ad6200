-- The French territory: régions, départements, EPCI (intercommunalités) and communes.
-- Loaded from the shipped reference data (reference-data module) by the territory module.

create table region (
    code text primary key,
    name text not null
);

create table departement (
    code        text primary key check (code ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
    name        text not null,
    region_code text not null references region (code)
);

create table epci (
    siren text primary key check (siren ~ '^[0-9]{9}$'),
    name  text not null
);

create table commune (
    code             text primary key check (code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    name             text not null,
    name_search      text not null,
    departement_code text not null references departement (code),
    epci_siren       text references epci (siren),
    population       integer not null check (population >= 0),
    lat              double precision not null check (lat between -90 and 90),
    lon              double precision not null check (lon between -180 and 180),
    area_km2         double precision check (area_km2 is null or area_km2 >= 0),
    postal_codes     text[] not null,
    position_source  text not null check (position_source in ('geonames', 'centroid', 'postal'))
);

create index commune_name_search_prefix on commune (name_search text_pattern_ops);
create index commune_departement on commune (departement_code);
create index commune_epci on commune (epci_siren);

create table commune_postal_code (
    postal_code  text not null check (postal_code ~ '^[0-9]{5}$'),
    commune_code text not null references commune (code) on delete cascade,
    primary key (postal_code, commune_code)
);

create index commune_postal_code_prefix on commune_postal_code (postal_code text_pattern_ops);

-- Which version of each reference data set is loaded: a restart with the same version loads nothing.
create table reference_data_version (
    dataset   text primary key,
    version   text not null,
    row_count integer not null check (row_count >= 0),
    loaded_at timestamptz not null
);
