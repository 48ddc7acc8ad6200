-- A person seen repeatedly in mission consultations ("Un médecin près de chez vous", issue #19) joins the waiting list.
alter table waiting_entry drop constraint if exists waiting_entry_source_check;
alter table waiting_entry add constraint waiting_entry_source_check
    check (source in ('TRANSFER', 'CASE', 'ALD_DATA', 'ONLINE', 'MISSION'));
