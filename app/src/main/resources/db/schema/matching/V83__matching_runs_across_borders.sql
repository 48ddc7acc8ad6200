-- Matching runs over a zone (ADR 0064): a département, a région or France, with the doctors of the neighbouring
-- départements within reach of the zone's households.
alter table matching_run add column scope text not null default 'DEPARTEMENT'
    check (scope in ('DEPARTEMENT', 'REGION', 'FRANCE'));
-- the départements whose waiting households the run matches (null for runs made before zones: their département)
alter table matching_run add column zone_departements text[];
-- the départements whose doctors it considered: the zone and its neighbours within reach
alter table matching_run add column doctor_departements text[];
-- how many doctors of neighbouring départements it considered
alter table matching_run add column across_borders integer not null default 0 check (across_borders >= 0);
comment on column matching_run.departement is 'the zone''s code: a département''s, a région''s (scope REGION) or FR';
-- places held by pending proposals are read per doctor by every run and at every publication
create index proposal_pending_doctor on proposal (doctor_id) where status = 'PENDING';
