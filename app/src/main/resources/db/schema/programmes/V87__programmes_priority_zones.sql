-- Priority zones (issue #18): the official lists of priority intercommunalités (EPCI), several over time.

create table priority_zone_list (
    id           bigint generated always as identity primary key,
    name         text not null check (length(name) between 1 and 200),
    published_on date not null,
    imported_at  timestamptz not null
);

create table priority_zone (
    list_id bigint not null references priority_zone_list (id) on delete cascade,
    epci    text not null check (epci ~ '^[0-9]{9}$'),
    primary key (list_id, epci)
);
