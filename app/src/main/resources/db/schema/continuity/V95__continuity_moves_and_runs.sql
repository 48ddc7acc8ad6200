-- Continuity (issue #20): a doctor who moves declares the commune they move to (their patients who can still reach
-- them keep them); a handover keeps the matching run pre-computed for its group and what happened to each household.
alter table doctor_departure add column new_commune text check (new_commune ~ '^[0-9][0-9AB][0-9]{3}$');
alter table doctor_departure add constraint doctor_departure_new_commune_move check (new_commune is null or reason = 'MOVE');

alter table handover add column run_id bigint;          -- the matching run pre-computed for the group (matching module)
alter table handover_household add column kept boolean not null default false;     -- a move: still within reach
alter table handover_household add column successor_proposed boolean not null default false;
