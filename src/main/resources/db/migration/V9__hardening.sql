-- An idempotency key belongs to the user who sent it: another user of the company never gets that user's folder.
drop index folder_idempotency;
create unique index folder_user_idempotency on folder (user_id, idempotency_key);

-- Refresh-token rotation: every pair descends from one login (its family); an expire token is spent by its first use,
-- and a second use of a spent one revokes the whole family.
alter table auth_session add column family_id uuid;
update auth_session set family_id = id;
alter table auth_session add column expire_spent boolean default false not null;
create index auth_session_family on auth_session (family_id);

-- Failed sign-ins (and other guessing) counted per key (an account at an address, an address, an account), with the
-- time before which further attempts are refused; a successful sign-in marks the address as known to the account.
create table login_throttle (
    throttle_key   varchar(400) primary key,
    failures       integer not null,
    blocked_until  timestamp(6) with time zone,
    last_failure   timestamp(6) with time zone,
    last_success   timestamp(6) with time zone
);
