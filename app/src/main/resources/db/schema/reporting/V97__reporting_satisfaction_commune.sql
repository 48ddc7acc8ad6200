-- The commune of the household with its answer, for the figures by intercommunalité (EPCI).
alter table satisfaction_answer add column commune_code text check (commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$');
