-- Issue 13, point 3: in-app notifications for every signed-in person, whatever module sends them (the proposal
-- workflow, the cases): one inbox per account, each notice with the page it is about. The cases' own notifications
-- move here (one place for one fact).
create table account_notification (
    id         bigint generated always as identity primary key,
    account_id bigint not null,                 -- identity's account; no foreign key needed inside the module's own data
    created_at timestamptz not null default now(),
    message    text not null,
    href       text not null check (href like '/%'),
    read_at    timestamptz
);
create index account_notification_account on account_notification (account_id, created_at desc, id desc);
insert into account_notification (account_id, created_at, message, href, read_at)
select account_id, created_at, message, '/mes-demandes/' || case_id, read_at from case_notification order by id;
drop table case_notification;
