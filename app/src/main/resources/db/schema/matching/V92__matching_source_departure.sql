-- The patients of a departing médecin traitant join the waiting list before the departure (issue #20).
alter table waiting_entry drop constraint if exists waiting_entry_source_check;
alter table waiting_entry add constraint waiting_entry_source_check
    check (source in ('TRANSFER', 'CASE', 'ALD_DATA', 'ONLINE', 'MISSION', 'DEPARTURE'));
