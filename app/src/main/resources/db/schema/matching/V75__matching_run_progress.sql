-- Issue 13, point 9: a run computes in the background and shows its progress; the page polls its state.
alter table matching_run drop constraint matching_run_status_check;
alter table matching_run add constraint matching_run_status_check check (status in ('RUNNING', 'DRAFT', 'PUBLISHED', 'FAILED'));
alter table matching_run add column step text;            -- the step under way, in French, while RUNNING
alter table matching_run add column failure text;         -- why a run FAILED, in French
alter table matching_run add column finished_at timestamptz;
