-- Every foreign key gets an index starting with its columns (issue #16): deleting or updating a referenced row
-- (retention, a closed household, a replaced run) must not scan the referencing table. Checked by
-- ForeignKeyIndexTest, which lists any foreign key left without one.
create index if not exists account_invitation_account_id_fk_idx on account_invitation (account_id);
create index if not exists area_accessibility_run_id_fk_idx on area_accessibility (run_id);
create index if not exists charter_event_version_fk_idx on charter_event (version);
create index if not exists charter_member_commune_code_fk_idx on charter_member (commune_code);
create index if not exists charter_member_version_fk_idx on charter_member (version);
create index if not exists commune_accessibility_run_id_fk_idx on commune_accessibility (run_id);
create index if not exists commune_postal_code_commune_code_fk_idx on commune_postal_code (commune_code);
create index if not exists departement_region_code_fk_idx on departement (region_code);
create index if not exists doctor_capacity_commune_code_fk_idx on doctor_capacity (commune_code);
create index if not exists matching_run_line_doctor_id_fk_idx on matching_run_line (doctor_id);
create index if not exists matching_run_line_entry_id_fk_idx on matching_run_line (entry_id);
create index if not exists matching_run_line_proposal_id_fk_idx on matching_run_line (proposal_id);
create index if not exists matching_run_unserved_entry_id_fk_idx on matching_run_unserved (entry_id);
create index if not exists practice_location_commune_code_fk_idx on practice_location (commune_code);
create index if not exists transfer_destination_commune_fk_idx on transfer (destination_commune);
create index if not exists transfer_household_id_fk_idx on transfer (household_id);
create index if not exists transfer_waiting_entry_id_fk_idx on transfer (waiting_entry_id);
create index if not exists waiting_entry_destination_commune_fk_idx on waiting_entry (destination_commune);
