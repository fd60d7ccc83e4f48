-- Rows of a fresh vtiger 5.4.0 install: tags.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_freetags_seq` VALUES
(1);
