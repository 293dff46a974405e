-- The DATA permission beside the role (issue 8, item 10): finding supporters by email, erasing and exporting
-- their personal data. ADMINs have it anyway; an admin grants it to an EDITOR on /admin/users.
alter table staff_user add column data_access boolean not null default false;
