-- The insured person asks an advisor for help from "Mon médecin traitant": shown on the advisors' waiting list.
alter table waiting_entry add column help_requested_at timestamptz;
