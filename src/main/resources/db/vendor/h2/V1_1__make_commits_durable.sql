-- H2 keeps committed transactions in memory for up to 500 ms by default (WRITE_DELAY) and loses them when
-- the process is killed. A 303 from KeepHope means "committed": write each commit to the file at once.
-- The setting is stored in the database, so it also holds for an H2 URL a deployment sets itself.
SET WRITE_DELAY 0;
