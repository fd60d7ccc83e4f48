-- Rows of a fresh vtiger 5.4.0 install: calendar.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_seactivityrel_seq` VALUES
(1);
