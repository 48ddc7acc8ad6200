-- The APL of every EPCI, one computation per day kept (the day's last), for trends such as the priority zones' APL
-- on the programme dashboard (issue #18).

create table epci_accessibility_history (
    day        date not null,
    epci       text not null,
    population bigint not null,
    apl        double precision not null check (apl >= 0),
    run_id     bigint not null references accessibility_run (id) on delete cascade,
    primary key (day, epci)
);

create index epci_accessibility_history_run on epci_accessibility_history (run_id);
