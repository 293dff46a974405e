-- Staff sign-in guards (issue 8).
-- security_stamp: changes with every change that must end a half-finished sign-in and a device's trust
-- (password, second factor, role and permissions, disabling, sign-out everywhere); a pending sign-in carries
-- the stamp it started with. The optimistic-lock version stays as it was.
alter table staff_user add column security_stamp bigint not null default 0;

-- Growing delays instead of a hard lock: failed_attempts counts consecutive failures from browsers this
-- account has not signed in from; next_attempt_at is when the next of them may be checked. A browser with a
-- valid device cookie of the account counts apart, so an attacker elsewhere cannot lock the owner out.
alter table staff_user rename column locked_until to next_attempt_at;
alter table staff_user add column device_failed_attempts integer not null default 0;
alter table staff_user add column device_next_attempt_at timestamp with time zone;

-- A half-finished sign-in is now indexed by the member's email like a signed-in session (so that "sign out
-- everywhere", resets and disabling find it), and staff emails may have up to 320 characters: Spring Session's
-- 100 would refuse to store such a member's session at the password step.
alter table spring_session alter column principal_name set data type varchar(320);
