-- Rows of a fresh vtiger 5.4.0 install: pbx.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_asteriskextensions` VALUES
(1,NULL,NULL);
