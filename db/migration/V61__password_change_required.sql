-- A user whose password someone else chose (the generated first admin password, an admin's reset) must choose
-- their own at the next sign-in before they can use anything else.
alter table app_user add column must_change_password boolean not null default false;
